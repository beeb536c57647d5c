import { PrismaClient } from '../generated/tenant/client.js';
import { StatementRouter, type DatasourceTarget } from './statement-router.js';
import { scopeToTenant, type TenantDb } from './tenant-scope.js';

/** Options of {@link TenantRuntime}. */
export interface TenantRuntimeOptions {
  /**
   * How long an interactive transaction waits for its connection (Prisma's `maxWait`, 2 s by
   * default). The app passes the pool's own checkout limit (`TENANT_BUDGET_WAIT_MS` +
   * `TENANT_CONNECT_TIMEOUT_MS`), so a transaction gives up only when a plain query would, with
   * the same retryable TENANT_UNAVAILABLE, not Prisma's error a few seconds earlier.
   */
  transactionMaxWaitMs?: number;
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
    this.prisma = new PrismaClient({
      adapter: this.router.adapterFactory(),
      ...(options.transactionMaxWaitMs === undefined ? {} : { transactionOptions: { maxWait: options.transactionMaxWaitMs } }),
    });
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
