import pg from 'pg';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type ConnectionBudget, type ConnectionHolder } from './connection-budget.js';
import { RecentUse } from './recent-use.js';

/** What it takes to open one datasource's pool. The URL is decrypted just before this call. */
export interface DatasourcePoolOptions {
  url: string;
  /** Most connections this datasource may open (see `poolSizeOf`). */
  poolMax: number;
  connectTimeoutMs: number;
  /**
   * The server cancels a statement running longer than this (`statement_timeout`); the client gives
   * up on an unanswered one a connect timeout later, for a server too frozen to cancel anything.
   * Absent or 0: the server's own setting, and no client-side limit.
   */
  statementTimeoutMs?: number;
  /** The server ends a session idle inside a transaction this long (`idle_in_transaction_session_timeout`); absent or 0: the server's setting. */
  idleInTransactionTimeoutMs?: number;
  /** Shows in pg_stat_activity so operators can tell which datasource a connection serves. */
  applicationName: string;
  budget: ConnectionBudget;
  /** How long a request may wait for room in the budget (its `budgetWaitMs`). */
  budgetWaitMs: number;
  /** How long an unused connection stays open (default 30 s); the budget may close it sooner. */
  idleTimeoutMs?: number;
  /** Half-life of the use count the budget ranks datasources by (default 10 s, see `RecentUse`). */
  useHalfLifeMs?: number;
  now?: () => number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_USE_HALF_LIFE_MS = 10_000;

/** pg's message when no connection of a full pool was released within `connectionTimeoutMillis`. */
const CHECKOUT_TIMEOUT = 'timeout exceeded when trying to connect';

interface BudgetedClientConfig extends pg.ClientConfig {
  /** Set by {@link DatasourcePool}: pg-pool hands its own options to every client it creates. */
  datasourcePool: DatasourcePool;
}

/**
 * The session settings every connection starts with, sent as the startup `options` parameter so
 * they cost no round trip. A datasource URL that sets `options` itself keeps its own. (PgBouncer
 * does not pass `options` on: behind it, set these on the database role instead.)
 */
function sessionOptions(options: DatasourcePoolOptions): string | undefined {
  const settings = [
    ['statement_timeout', options.statementTimeoutMs],
    ['idle_in_transaction_session_timeout', options.idleInTransactionTimeoutMs],
  ].filter((setting): setting is [string, number] => typeof setting[1] === 'number' && setting[1] > 0);
  return settings.length > 0 ? settings.map(([name, ms]) => `-c ${name}=${ms}`).join(' ') : undefined;
}

/**
 * A server connection that exists only with the budget's consent: it asks for room before it
 * connects and gives it back when the connection has ended, or when it never opened.
 */
class BudgetedClient extends pg.Client {
  private readonly owner: DatasourcePool;

  constructor(config: BudgetedClientConfig) {
    super(config);
    this.owner = config.datasourcePool;
  }

  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  // Library seam: pg-pool calls `connect(callback)`; the promise form is kept for direct use.
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
    const connecting = this.open().then(() => this);
    if (!callback) {
      return connecting;
    }
    connecting.then(() => callback(undefined as unknown as Error), callback);
  }

  private async open(): Promise<void> {
    await this.owner.budget.acquire(this.owner);
    try {
      await super.connect();
    } catch (error) {
      this.owner.budget.release();
      throw error;
    }
    this.once('end', () => this.owner.budget.release());
  }
}

/**
 * One datasource's `pg` pool whose connections count against the process-wide budget: a new
 * connection waits for room (FIFO across datasources), an idle one can be reclaimed by the budget
 * for another datasource (the least used datasource's first), and while others wait a released
 * connection beyond the first is closed rather than kept, so a busy datasource cannot hold the
 * budget hostage.
 */
export class DatasourcePool extends pg.Pool implements ConnectionHolder {
  readonly budget: ConnectionBudget;
  private readonly use: RecentUse;
  /** Idle connections the budget asked to close whose close has not started yet. */
  private closing = 0;
  private readonly now: () => number;

  constructor(options: DatasourcePoolOptions) {
    super({
      connectionString: options.url,
      max: options.poolMax,
      // A full pool's checkout waits for a release; this bounds that wait and the budget's.
      connectionTimeoutMillis: options.budgetWaitMs + options.connectTimeoutMs,
      idleTimeoutMillis: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      application_name: options.applicationName,
      options: sessionOptions(options),
      query_timeout: options.statementTimeoutMs ? options.statementTimeoutMs + options.connectTimeoutMs : undefined,
      // Library seam: pg-pool constructs `Client` with its whole config, which carries this pool.
      Client: BudgetedClient as unknown as pg.PoolConfig['Client'],
    });
    (this.options as unknown as BudgetedClientConfig).datasourcePool = this;
    this.budget = options.budget;
    this.now = options.now ?? Date.now;
    this.use = new RecentUse(options.useHalfLifeMs ?? DEFAULT_USE_HALF_LIFE_MS);
    this.on('error', () => undefined);
    this.budget.register(this);
  }

  reclaimRank(): number | undefined {
    return this.idleCount > this.closing ? this.use.rank() : undefined;
  }

  closeIdle(): void {
    if (this.idleCount <= this.closing) {
      return;
    }
    // Checking out while a connection is idle hands over that connection (on the next tick, so
    // `closing` keeps it from being chosen twice); releasing it with an error makes pg close it.
    this.closing += 1;
    super.connect().then(
      (client) => {
        this.closing -= 1;
        client.release(true);
      },
      () => {
        this.closing -= 1;
      },
    );
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  // Library seam: pg-pool's own `query` uses the callback form; PrismaPg uses the promise form.
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    const checkout = super.connect().then(
      (client) => this.yielding(client),
      (error: unknown) => {
        throw error instanceof Error && error.message === CHECKOUT_TIMEOUT
          ? new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database has no free connection right now; retry shortly')
          : error;
      },
    );
    if (!callback) {
      return checkout;
    }
    checkout.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  override async end(): Promise<void> {
    this.budget.unregister(this);
    await super.end();
  }

  /** Closes a released connection instead of keeping it while other datasources wait for room. */
  private yielding(client: pg.PoolClient): pg.PoolClient {
    const release = client.release;
    client.release = (error?: Error | boolean) => {
      this.use.record(this.now());
      release(error || (this.totalCount > 1 && this.budget.shouldYield(this)));
      this.budget.connectionIdled();
    };
    return client;
  }
}
