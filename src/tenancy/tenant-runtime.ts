import { PrismaClient } from '../generated/tenant/client.js';
import { StatementRouter, type DatasourceTarget } from './statement-router.js';
import { scopeToTenant, type TenantDb } from './tenant-scope.js';

/** Options of {@link TenantRuntime}. */
export interface TenantRuntimeOptions {
  /** Test seam (see `DatasourceBinding.unguarded`); production never sets it. */
  unguardedBatching?: boolean;
}

/**
 * The one Prisma runtime of the tenant schema in this process: its query compiler, parsed schema
 * and plan cache are built once and shared by every datasource. Statements reach each datasource
 * through the {@link StatementRouter}; a scoped client is a cheap extension of the shared client.
 */
export class TenantRuntime {
  readonly router = new StatementRouter();
  private readonly prisma: PrismaClient;

  constructor(private readonly options: TenantRuntimeOptions = {}) {
    this.prisma = new PrismaClient({ adapter: this.router.adapterFactory() });
  }

  /** A client for one tenant whose every operation is scoped to it and sent to `target`. */
  scope(tenantId: string, target: DatasourceTarget): TenantDb {
    return scopeToTenant(this.prisma, tenantId, { router: this.router, target, unguarded: this.options.unguardedBatching });
  }

  /** Frees the compiler; call after every datasource is closed. */
  async close(): Promise<void> {
    await this.prisma.$disconnect().catch(() => undefined);
  }
}
