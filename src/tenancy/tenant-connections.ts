import { open } from '../crypto/secret-box.js';
import { type KeyRing } from '../crypto/key-ring.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type Logger } from '../logging/logger.js';
import { type DatasourceBreakers } from './datasource-breaker.js';
import { type DatasourceRegistry, type TenantRoute } from './datasource-registry.js';
import { guardAdapter } from './guarded-adapter.js';
import { openDatasource, type DatasourceConnection, type OpenedDatasource } from './tenant-client-factory.js';
import { poolSizeOf, type ConnectionBudget } from './connection-budget.js';
import { type TenantClientPool, type TenantLease } from './tenant-client-pool.js';
import { type ClientBuildTimings, type TenancyObserver } from './tenancy-observer.js';

/** How resolvers reach a tenant's data: its route (for header checks) and a scoped lease. */
export interface TenantAccess {
  route(tenantId: string): Promise<TenantRoute>;
  /**
   * Starts looking up the tenant's route without waiting for it, so a cold tenant's control-plane
   * round trip overlaps the membership check; called once a token's signature is verified. It
   * opens nothing (requests that never touch tenant data, such as `me`, build no datasource), and a
   * failure is left for `route` or `acquire` to report.
   */
  prefetchRoute(tenantId: string): void;
  acquire(tenantId: string): Promise<{ lease: TenantLease; readOnly: boolean }>;
}

/** Options of {@link createDatasourceConnector}. */
export interface DatasourceConnectorOptions {
  keyRing: KeyRing;
  defaultPoolMax: number;
  /** The pool's connection budget: a datasource's pool is never larger than it (see {@link poolSizeOf}). */
  connectionBudget: number;
  connectTimeoutMs: number;
  /** Server-side `statement_timeout` of every connection (0 = the server's setting). */
  statementTimeoutMs: number;
  /** Server-side `idle_in_transaction_session_timeout` of every connection (0 = the server's setting). */
  idleInTransactionTimeoutMs: number;
  budgetWaitMs: number;
  /** See `DatasourcePoolOptions.growAfterMs`. */
  poolGrowAfterMs: number;
  /** Every open and every statement of a datasource goes through its breaker. */
  breakers: DatasourceBreakers;
  logger: Logger;
  observer?: TenancyObserver;
}

/**
 * The pool's `connect`: decrypts the datasource URL (the datasource id is the additional data, so a
 * secret copied to another row fails) and opens the datasource's budgeted pool through its circuit
 * breaker, whose adapter then sends every statement through the same breaker. Failures become
 * TENANT_UNAVAILABLE without the URL; the log line names the datasource and the kind of failure only.
 */
export function createDatasourceConnector(options: DatasourceConnectorOptions) {
  return async (route: TenantRoute, budget: ConnectionBudget): Promise<DatasourceConnection> => {
    const ds = route.datasource;
    const started = performance.now();
    let url: string;
    try {
      url = open(options.keyRing, ds.encryptedUrl, ds.id);
    } catch (error) {
      options.logger.error({ datasourceId: ds.id, err: (error as Error).message }, 'datasource secret could not be decrypted');
      throw new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database is not available right now');
    }
    const decryptedMs = performance.now() - started;
    // Logged before the breaker turns it into TENANT_UNAVAILABLE: the kind of failure only, never the URL.
    const opening = () =>
      openDatasource({
        url,
        poolMax: poolSizeOf(route, options),
        connectTimeoutMs: options.connectTimeoutMs,
        statementTimeoutMs: options.statementTimeoutMs,
        idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
        budgetWaitMs: options.budgetWaitMs,
        growAfterMs: options.poolGrowAfterMs,
        budget,
        applicationName: `tenantgate:${ds.name}`.slice(0, 63),
      }).catch((error: unknown) => {
        if (!(error instanceof AppError)) {
          options.logger.error({ datasourceId: ds.id, code: (error as { code?: string }).code ?? 'unknown' }, 'tenant datasource connection failed');
        }
        throw error;
      });
    let client: OpenedDatasource;
    try {
      client = await options.breakers.run(ds.id, opening);
    } catch (error) {
      throw error instanceof AppError ? error : new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database is not available right now');
    }
    const timings: ClientBuildTimings = {
      datasourceId: ds.id,
      tenantId: route.tenantId,
      decryptMs: decryptedMs,
      ...client.timings,
      totalMs: performance.now() - started,
    };
    options.observer?.clientBuilt?.(timings);
    options.logger.info(
      { datasourceId: ds.id, kind: ds.kind, decryptMs: +decryptedMs.toFixed(2), connectMs: +timings.connectMs.toFixed(1), ms: +timings.totalMs.toFixed(1) },
      'tenant client built',
    );
    return { ...client, adapter: guardAdapter(client.adapter, (call) => options.breakers.run(ds.id, call)) };
  };
}

/**
 * The request path to a tenant's data: registry lookup, status and schema-version checks (both
 * read from the cached route, no round trip), then a lease on the datasource client from the pool.
 */
export class TenantConnections implements TenantAccess {
  constructor(
    private readonly registry: DatasourceRegistry,
    private readonly pool: TenantClientPool,
    /** Name of the newest tenant migration this build of the gateway expects. */
    private readonly expectedSchemaVersion: string | null,
  ) {}

  /** The tenant's control-plane record as cached by the registry (builds no client). */
  route(tenantId: string): Promise<TenantRoute> {
    return this.registry.resolve(tenantId);
  }

  prefetchRoute(tenantId: string): void {
    this.registry.resolve(tenantId).catch(() => undefined);
  }

  async acquire(tenantId: string): Promise<{ lease: TenantLease; readOnly: boolean }> {
    const route = await this.registry.resolve(tenantId);
    if (route.status === 'SUSPENDED') {
      throw new AppError(ErrorCode.FORBIDDEN, 'this tenant is suspended');
    }
    if (this.expectedSchemaVersion && (route.schemaVersion ?? '') < this.expectedSchemaVersion) {
      throw new AppError(
        ErrorCode.TENANT_SCHEMA_OUTDATED,
        'this tenant database has not been migrated to the version this gateway needs; run `tenantgate migrate`',
      );
    }
    return { lease: await this.pool.acquire(route), readOnly: route.status === 'READ_ONLY' };
  }
}
