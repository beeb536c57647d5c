import { randomUUID } from 'node:crypto';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { tenantMigrationsDir } from '../../src/paths.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { connectDatasource, openDatasource, type DatasourceConnection, type StandaloneTenantClient } from '../../src/tenancy/tenant-client-factory.js';
import { TenantClientPool, type TenantClientPoolOptions } from '../../src/tenancy/tenant-client-pool.js';
import { TenantRuntime } from '../../src/tenancy/tenant-runtime.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** A tenant database of a {@link RuntimeFleet}, with an unscoped client for planting and checking rows. */
export interface FleetDatabase {
  datasourceId: string;
  database: TestDatabase;
  raw: StandaloneTenantClient;
}

/**
 * Tenant databases migrated with the product's migrator and a {@link TenantClientPool} over them
 * on one shared {@link TenantRuntime}, opened by the product's own `openDatasource` (no HTTP, no
 * control plane): the request path below the resolvers, as the gateway runs it.
 */
export interface RuntimeFleet {
  databases: FleetDatabase[];
  pool: TenantClientPool;
  /** The application_name of every gateway connection, for pg_stat_activity. */
  applicationName: string;
  route(tenantId: string, database: FleetDatabase): TenantRoute;
  close(): Promise<void>;
}

/** Options of {@link startRuntimeFleet}. */
export interface RuntimeFleetOptions extends Partial<Omit<TenantClientPoolOptions, 'connect' | 'runtime'>> {
  databases: number;
  poolMax: number;
  unguardedBatching?: boolean;
}

export async function startRuntimeFleet(options: RuntimeFleetOptions): Promise<RuntimeFleet> {
  const applicationName = `rt-${randomUUID().slice(0, 8)}`;
  const databases: FleetDatabase[] = [];
  for (let i = 0; i < options.databases; i += 1) {
    const database = await createTestDatabase(`runtime_${i}`);
    await applyMigrations({ databaseUrl: database.url, migrationsDir: tenantMigrationsDir });
    const raw = await connectDatasource({ url: database.url, poolMax: 2, connectTimeoutMs: 5_000, applicationName: 'test-raw' });
    databases.push({ datasourceId: randomUUID(), database, raw });
  }
  const urls = new Map(databases.map((db) => [db.datasourceId, db.database.url]));
  const budgetWaitMs = options.budgetWaitMs ?? 5_000;
  const runtime = new TenantRuntime({ transactionMaxWaitMs: budgetWaitMs + 5_000, unguardedBatching: options.unguardedBatching });
  const connect = (route: TenantRoute, budget: ConnectionBudget): Promise<DatasourceConnection> =>
    openDatasource({ url: urls.get(route.datasource.id) ?? '', poolMax: options.poolMax, connectTimeoutMs: 5_000, budgetWaitMs, budget, applicationName });
  const pool = new TenantClientPool({
    connect,
    runtime,
    maxClients: 100,
    connectionBudget: 40,
    defaultPoolMax: options.poolMax,
    idleTtlMs: 60_000,
    cleanupIntervalMs: 0,
    ...options,
    budgetWaitMs,
  });
  return {
    databases,
    pool,
    applicationName,
    route: (tenantId, database) => ({
      tenantId,
      slug: tenantId.slice(0, 8),
      status: 'ACTIVE',
      schemaVersion: null,
      datasource: {
        id: database.datasourceId,
        name: `runtime-${database.datasourceId.slice(0, 8)}`,
        kind: 'DEDICATED',
        encryptedUrl: 'unused',
        keyId: 'unused',
        credentialVersion: 1,
        poolMax: options.poolMax,
      },
    }),
    async close() {
      await pool.closeAll();
      await runtime.close();
      for (const db of databases) {
        await db.raw.close();
        await db.database.drop();
      }
    },
  };
}
