import { publishChanges } from '../control/change-feed.js';
import { type ControlClient } from '../control/control-client.js';
import { type KeyRing } from '../crypto/key-ring.js';
import { badInput } from '../errors/app-error.js';
import { type TenantStatus } from '../generated/control/enums.js';
import { type Page } from '../graphql/pagination/connection.js';
import { paginate } from '../graphql/pagination/paginate.js';
import { diagnoseTenant } from '../ops/doctor/doctor.js';
import { type DoctorReport } from '../ops/doctor/doctor-report.js';
import { decryptDatasourceUrl } from '../ops/provisioning/datasource-registration.js';
import { withDatabase } from '../ops/provisioning/database-creation.js';
import { findTenant, TENANT_SUMMARY, tenantWhere, type TenantFilter, type TenantSummary } from '../ops/tenants/tenant-catalog.js';
import { createTenant, type CreateTenantResult } from '../ops/tenants/tenant-creation.js';
import { type TenantPlacement } from '../ops/tenants/tenant-placement.js';
import { setTenantStatus } from '../ops/tenants/tenant-status.js';
import { type DatasourceRegistry } from '../tenancy/datasource-registry.js';
import { type CachedClientView, type TenantClientPool, type TenantClientPoolStats } from '../tenancy/tenant-client-pool.js';
import { type CreateTenantInput } from './fleet-tenant.input.js';

/** What the admin API works on: the control plane and this process's routing caches. */
export interface FleetAdminDeps {
  control: ControlClient;
  keyRing: KeyRing;
  registry: DatasourceRegistry;
  pool: TenantClientPool;
  /** Default: the committed tenant migrations. */
  migrationsDir?: string;
}

/** A tenant as the GraphQL `FleetTenant` type reads it. */
export type FleetTenantView = Omit<TenantSummary, '_count'> & { memberCount: number };

const view = ({ _count, ...tenant }: TenantSummary): FleetTenantView => ({ ...tenant, memberCount: _count.memberships });

/**
 * The platform admin's operations over the fleet, on the same library as the CLI. Changes made
 * here drop this process's cached route at once and are published to every other replica.
 */
export class FleetAdminService {
  constructor(private readonly deps: FleetAdminDeps) {}

  async listTenants(filter: TenantFilter, first: number | null | undefined, after: string | null | undefined, countTotal: boolean): Promise<Page<FleetTenantView>> {
    const page = await paginate({
      findMany: (args) => this.deps.control.tenant.findMany({ ...args, select: TENANT_SUMMARY }),
      count: (args) => this.deps.control.tenant.count(args),
      where: tenantWhere(filter),
      order: { field: 'slug', direction: 'asc', nullable: false },
      first,
      after,
      countTotal,
    });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: view(edge.node) })) };
  }

  async tenant(id: string): Promise<FleetTenantView> {
    return view(await findTenant(this.deps.control, id));
  }

  async createTenant(input: CreateTenantInput): Promise<CreateTenantResult & { view: FleetTenantView }> {
    const created = await createTenant(
      { control: this.deps.control, keyRing: this.deps.keyRing, migrationsDir: this.deps.migrationsDir },
      { slug: input.slug, name: input.name, ownerEmail: input.ownerEmail, seed: input.seed, placement: await this.placement(input) },
    );
    return { ...created, view: await this.tenant(created.tenant.id) };
  }

  async setTenantStatus(id: string, status: TenantStatus): Promise<FleetTenantView> {
    const { tenant } = await setTenantStatus(this.deps.control, id, status);
    this.deps.registry.invalidateTenant(tenant.id);
    return view(tenant);
  }

  async diagnose(id: string): Promise<DoctorReport & { tenantId: string }> {
    const tenant = await findTenant(this.deps.control, id);
    const report = await diagnoseTenant(
      {
        control: this.deps.control,
        keyRing: this.deps.keyRing,
        migrationsDir: this.deps.migrationsDir,
        gatewayPoolView: (datasourceId) => describeClient(this.deps.pool.cachedClients().find((client) => client.datasourceId === datasourceId)),
      },
      tenant.id,
    );
    return { ...report, tenantId: tenant.id };
  }

  poolStats(): TenantClientPoolStats & { clients: CachedClientView[] } {
    return { ...this.deps.pool.stats(), clients: this.deps.pool.cachedClients() };
  }

  async clearTenantCache(id: string): Promise<{ tenantId: string; datasourceId: string; clientEvicted: boolean }> {
    const tenant = await findTenant(this.deps.control, id);
    const datasourceId = tenant.datasource.id;
    const clientEvicted = this.deps.pool.cachedClients().some((client) => client.datasourceId === datasourceId);
    this.deps.registry.invalidateTenant(tenant.id);
    this.deps.pool.evictDatasource(datasourceId);
    await publishChanges(this.deps.control, { kind: 'tenant', tenantId: tenant.id }, { kind: 'datasource', datasourceId, reconnect: true });
    return { tenantId: tenant.id, datasourceId, clientEvicted };
  }

  private async placement(input: CreateTenantInput): Promise<TenantPlacement> {
    const { datasourceId, newDatabase } = input;
    if ((datasourceId == null) === (newDatabase == null)) {
      throw badInput('give exactly one of datasourceId and newDatabase', 'datasourceId');
    }
    if (datasourceId != null) {
      return { kind: 'datasource', datasource: { id: datasourceId } };
    }
    const database = newDatabase as NonNullable<typeof newDatabase>;
    if ((database.serverUrl == null) === (database.sameServerAs == null)) {
      throw badInput('give exactly one of newDatabase.serverUrl and newDatabase.sameServerAs', 'newDatabase');
    }
    const serverUrl = database.serverUrl ?? (await this.maintenanceUrlOf(database.sameServerAs as string));
    return {
      kind: 'new-database',
      serverUrl,
      database: database.database ?? undefined,
      poolMax: database.poolMax ?? undefined,
      region: database.region ?? undefined,
    };
  }

  private async maintenanceUrlOf(datasourceId: string): Promise<string> {
    const datasource = await this.deps.control.datasource.findUnique({ where: { id: datasourceId } });
    if (datasource === null) {
      throw badInput(`no datasource ${datasourceId}`, 'newDatabase.sameServerAs');
    }
    return withDatabase(decryptDatasourceUrl(this.deps.keyRing, datasource), 'postgres');
  }
}

function describeClient(client: CachedClientView | undefined): string {
  if (client === undefined) {
    return 'no client cached in this process';
  }
  const connections = client.connections === null ? 'building' : `${client.connections.total} open, ${client.connections.idle} idle, ${client.connections.waiting} waiting`;
  return `client cached (credential v${client.credentialVersion}, ${client.leases} request(s) in flight, ${connections})`;
}
