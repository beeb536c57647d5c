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
  /**
   * How long a checkout that finds every connection busy waits for one to be released before the
   * pool opens another (default 5 ms; 0: at once, as `pg` does). See {@link DatasourcePool}.
   */
  growAfterMs?: number;
  now?: () => number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_USE_HALF_LIFE_MS = 10_000;
const DEFAULT_GROW_AFTER_MS = 5;

/** pg's message when no connection of a full pool was released within `connectionTimeoutMillis`. */
const CHECKOUT_TIMEOUT = 'timeout exceeded when trying to connect';

/** The part of pg-pool's internals {@link DatasourcePool.grow} uses (pg-pool 3). */
interface PgPoolInternals {
  newClient(pendingItem: { callback: (error: Error | undefined, client: pg.PoolClient | undefined) => void }): void;
}

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
    this.owner.openingStarted();
    try {
      await this.owner.budget.acquire(this.owner);
      try {
        await super.connect();
      } catch (error) {
        this.owner.budget.release();
        throw error;
      }
      this.once('end', () => this.owner.budget.release());
    } finally {
      this.owner.openingEnded();
    }
  }
}

/**
 * One datasource's `pg` pool whose connections count against the process-wide budget: a new
 * connection waits for room (FIFO across datasources), an idle one can be reclaimed by the budget
 * for another datasource (the least used datasource's first), and while others wait a released
 * connection beyond the first is closed rather than kept, so a busy datasource cannot hold the
 * budget hostage.
 *
 * It also grows only when waiting would cost more than opening: `pg` opens a connection for every
 * checkout that finds none idle, so a request's page and count, or two requests a millisecond
 * apart, each start a server backend (tens of milliseconds of server CPU) to run a statement of
 * under one. Here such a checkout waits for the first connection released; one still waiting after
 * `growAfterMs`, with no connection of this pool being opened, opens another (one at a time). The
 * first connection of an empty pool opens at once, and `poolMax` still bounds the pool.
 */
export class DatasourcePool extends pg.Pool implements ConnectionHolder {
  readonly budget: ConnectionBudget;
  private readonly use: RecentUse;
  /** Idle connections the budget asked to close whose close has not started yet. */
  private closing = 0;
  private readonly now: () => number;
  private readonly poolMax: number;
  private readonly growAfterMs: number;
  /** Connections of this pool being opened (waiting for the budget, or connecting). */
  private opening = 0;
  private growTimer: NodeJS.Timeout | null = null;
  /**
   * Set when a grown connection failed to open (no room in the budget, or the server refused it);
   * cleared when a connection of this pool is released. Until then the waiters wait for the busy
   * connections (up to the checkout limit) instead of the pool retrying every `growAfterMs`.
   */
  private growthFailed = false;

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
    this.poolMax = options.poolMax;
    this.growAfterMs = options.growAfterMs ?? DEFAULT_GROW_AFTER_MS;
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

  /**
   * pg-pool seam: pg-pool opens a connection for a checkout with none idle unless the pool is full.
   * It counts as full while it has any connection, open or opening: only {@link grow} opens more.
   */
  _isFull(): boolean {
    return this.totalCount >= this.poolMax || (this.growAfterMs > 0 && this.totalCount > 0);
  }

  openingStarted(): void {
    this.opening += 1;
  }

  openingEnded(): void {
    this.opening -= 1;
    this.scheduleGrowth();
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  // Library seam: pg-pool's own `query` uses the callback form; PrismaPg uses the promise form.
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    const checkout = super.connect();
    this.scheduleGrowth();
    const handed = checkout.then(
      (client) => this.yielding(client),
      (error: unknown) => {
        throw error instanceof Error && error.message === CHECKOUT_TIMEOUT
          ? new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database has no free connection right now; retry shortly')
          : error;
      },
    );
    if (!callback) {
      return handed;
    }
    handed.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  override async end(): Promise<void> {
    this.clearGrowth();
    this.budget.unregister(this);
    await super.end();
  }

  /** Arms the growth timer while checkouts wait, the pool is below `poolMax` and none is armed. */
  private scheduleGrowth(): void {
    if (this.growAfterMs > 0 && this.growTimer === null && !this.growthFailed && this.waitingCount > 0 && this.totalCount < this.poolMax && !this.ending) {
      this.growTimer = setTimeout(() => this.grow(), this.growAfterMs);
    }
  }

  /**
   * A checkout waited `growAfterMs`: opens one more connection, unless one is being opened already
   * (it will serve a waiter) or the pool is at `poolMax`. The connection is not bound to a waiter:
   * it joins the idle ones once open, so the first waiter takes whichever connection is free first,
   * a released one or this one, and never waits for a backend's start it did not need.
   */
  private grow(): void {
    this.growTimer = null;
    if (this.ending || this.waitingCount === 0 || this.totalCount >= this.poolMax) {
      return;
    }
    if (this.opening === 0 && this.idleCount === 0) {
      // pg-pool seam: `newClient` opens a connection for one checkout; this checkout hands it back
      // at once, and pg-pool gives it to the first waiter or keeps it idle.
      (this as unknown as PgPoolInternals).newClient({
        callback: (error, client) => {
          if (error || !client) {
            this.growthFailed = true;
            return;
          }
          client.release();
          this.budget.connectionIdled();
        },
      });
    }
    this.scheduleGrowth();
  }

  private clearGrowth(): void {
    if (this.growTimer) {
      clearTimeout(this.growTimer);
      this.growTimer = null;
    }
  }

  /** Closes a released connection instead of keeping it while other datasources wait for room. */
  private yielding(client: pg.PoolClient): pg.PoolClient {
    const release = client.release;
    client.release = (error?: Error | boolean) => {
      this.use.record(this.now());
      this.growthFailed = false;
      release(error || (this.totalCount > 1 && this.budget.shouldYield(this)));
      this.budget.connectionIdled();
    };
    return client;
  }
}
