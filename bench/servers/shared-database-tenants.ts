import { type DatasourceRegistry, type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type PrismaClient } from '../../src/generated/tenant/client.js';
import { type TenantAccess } from '../../src/tenancy/tenant-connections.js';
import { type TenantLease } from '../../src/tenancy/tenant-client-pool.js';
import { scopeToTenant, type TenantDb } from '../../src/tenancy/tenant-scope.js';

/**
 * The single-database baseline: every tenant's rows in one database behind one PrismaClient, scoped
 * by the same tenant-id extension, with no route lookup and no client pool. This is what a shared
 * database behind Apollo + Prisma does per request.
 */
export class SharedDatabaseTenants implements TenantAccess {
  private readonly scoped = new Map<string, TenantDb>();

  constructor(
    private readonly prisma: PrismaClient,
    /** Answers `route` for the tenant-header check only; the request path never asks it. */
    private readonly registry: DatasourceRegistry,
  ) {}

  route(tenantId: string): Promise<TenantRoute> {
    return this.registry.resolve(tenantId);
  }

  /** Nothing to prefetch: the request path never asks for a route. */
  prefetchRoute(): void {}

  async acquire(tenantId: string): Promise<{ lease: TenantLease; readOnly: boolean }> {
    let db = this.scoped.get(tenantId);
    if (!db) {
      db = scopeToTenant(this.prisma, tenantId);
      this.scoped.set(tenantId, db);
    }
    return { lease: { db, datasourceId: 'shared', release: () => undefined }, readOnly: false };
  }
}
