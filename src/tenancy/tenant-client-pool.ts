import { ConnectionBudget, type ConnectionBudgetSettings, type ConnectionBudgetStats } from './connection-budget.js';
import { type TenantRoute } from './datasource-registry.js';
import { type DatasourceConnection } from './tenant-client-factory.js';
import { type TenantRuntime } from './tenant-runtime.js';
import { type TenantDb } from './tenant-scope.js';
import { type TenancyObserver } from './tenancy-observer.js';

/** Options of {@link TenantClientPool}; defaults come from config (see `.env.example`). */
export interface TenantClientPoolOptions extends ConnectionBudgetSettings {
  /** Opens a datasource's pool on the budget (decrypting its URL on the way). */
  connect: (route: TenantRoute, budget: ConnectionBudget) => Promise<DatasourceConnection>;
  /** The shared tenant-schema runtime scoped clients are extensions of. */
  runtime: Pick<TenantRuntime, 'scope'>;
  /**
   * Hard cap on open datasources; past it the least recently used one is retired. Config default
   * 5000: an idle datasource costs a `pg` pool object and its scoped clients, a few kilobytes.
   */
  maxClients: number;
  /** A datasource unused this long is retired by the periodic cleanup (config default 1 h). */
  idleTtlMs: number;
  /** How often idle datasources are looked for (config default 60 s); 0 disables the timer (tests call `evictIdle`). */
  cleanupIntervalMs: number;
  /** Clock for last use; defaults to `Date.now` (tests pass a fake one). */
  now?: () => number;
  /** Told of every retirement and why (the app logs it at debug); none by default. */
  onEvict?: (datasourceId: string, reason: EvictionReason) => void;
  /** Told when a request gave up waiting for a connection (the app logs a warning: the budget is too small). */
  onBudgetTimeout?: () => void;
  observer?: TenancyObserver;
}

export type EvictionReason = 'idle' | 'capacity' | 'invalidated' | 'credential-rotated' | 'shutdown';

/** Counters for metrics and the admin API. */
export interface TenantClientPoolStats extends ConnectionBudgetStats {
  hits: number;
  misses: number;
  builds: number;
  buildFailures: number;
  evictions: number;
  /** Datasources opened and not yet closed, including retired ones still draining requests. */
  liveDatasources: number;
  cachedDatasources: number;
  /** Tenant-scoped clients cached over the cached datasources. */
  scopedClients: number;
  leasesInUse: number;
}

/** One cached datasource client as the admin API shows it. */
export interface CachedClientView {
  datasourceId: string;
  credentialVersion: number;
  /** Requests holding it right now. */
  leases: number;
  /** Time since its last use. */
  idleMs: number;
  /** Connections its `pg` pool holds, idle and waited for; null while it is still being built. */
  connections: { total: number; idle: number; waiting: number } | null;
}

/** A tenant-scoped client held for one request; `release()` must be called when the request ends. */
export interface TenantLease {
  db: TenantDb;
  datasourceId: string;
  release(): void;
}

interface Entry {
  datasourceId: string;
  credentialVersion: number;
  promise: Promise<DatasourceConnection>;
  /** Set once the open resolves, so a snapshot can read its pool without awaiting. */
  client?: DatasourceConnection;
  scoped: Map<string, TenantDb>;
  leases: number;
  lastUsed: number;
  retired: boolean;
  disposal?: Promise<void>;
}

/**
 * One open datasource per datasource id (pooled tenants share it), opened for the newest
 * credential version seen; a newer version retires the older one. It caches the open promise, not
 * the result, so concurrent cold requests open once; a retired datasource is closed only after its
 * last lease is released. What a datasource costs is its connections, which the shared
 * {@link ConnectionBudget} counts one by one; scoped clients are extensions of the one runtime.
 */
export class TenantClientPool {
  readonly budget: ConnectionBudget;
  private readonly entries = new Map<string, Entry>();
  private readonly undisposed = new Set<Entry>();
  private readonly now: () => number;
  private readonly timer?: NodeJS.Timeout;
  private readonly counters = { hits: 0, misses: 0, builds: 0, buildFailures: 0, evictions: 0, liveDatasources: 0 };

  constructor(private readonly options: TenantClientPoolOptions) {
    this.now = options.now ?? Date.now;
    this.budget = new ConnectionBudget(options, options.onBudgetTimeout);
    if (options.cleanupIntervalMs > 0) {
      this.timer = setInterval(() => this.evictIdle(), options.cleanupIntervalMs);
      this.timer.unref();
    }
  }

  async acquire(route: TenantRoute): Promise<TenantLease> {
    const entry = this.entryFor(route);
    entry.leases += 1;
    entry.lastUsed = this.now();
    let connection: DatasourceConnection;
    try {
      connection = await entry.promise;
    } catch (error) {
      this.release(entry);
      throw error;
    }
    let db = entry.scoped.get(route.tenantId);
    if (!db) {
      db = this.options.runtime.scope(route.tenantId, { datasourceId: entry.datasourceId, adapter: connection.adapter });
      entry.scoped.set(route.tenantId, db);
    }
    let released = false;
    return {
      db,
      datasourceId: entry.datasourceId,
      release: () => {
        if (!released) {
          released = true;
          this.release(entry);
        }
      },
    };
  }

  /** Retires a datasource, e.g. after its URL or pool settings changed. */
  evictDatasource(datasourceId: string): void {
    const entry = this.entries.get(datasourceId);
    if (entry) {
      this.retire(entry, 'invalidated');
    }
  }

  /** Retires datasources unused for longer than `idleTtlMs`; returns how many. */
  evictIdle(): number {
    const cutoff = this.now() - this.options.idleTtlMs;
    let count = 0;
    for (const entry of [...this.entries.values()]) {
      if (entry.leases === 0 && entry.lastUsed <= cutoff) {
        this.retire(entry, 'idle');
        count += 1;
      }
    }
    return count;
  }

  stats(): TenantClientPoolStats {
    let leasesInUse = 0;
    for (const entry of this.undisposed) {
      leasesInUse += entry.leases;
    }
    let scopedClients = 0;
    for (const entry of this.entries.values()) {
      scopedClients += entry.scoped.size;
    }
    return { ...this.counters, cachedDatasources: this.entries.size, scopedClients, leasesInUse, ...this.budget.stats() };
  }

  /** A snapshot of every cached datasource, for the admin API's pool view. */
  cachedClients(): CachedClientView[] {
    const now = this.now();
    return [...this.entries.values()].map((entry) => ({
      datasourceId: entry.datasourceId,
      credentialVersion: entry.credentialVersion,
      leases: entry.leases,
      idleMs: Math.max(0, now - entry.lastUsed),
      connections: entry.client
        ? { total: entry.client.pool.totalCount, idle: entry.client.pool.idleCount, waiting: entry.client.pool.waitingCount }
        : null,
    }));
  }

  /** Closes every datasource, waiting for none: call after the HTTP server stopped taking requests. */
  async closeAll(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.budget.rejectWaiters('the gateway is shutting down; retry shortly');
    for (const entry of [...this.entries.values()]) {
      this.retire(entry, 'shutdown');
    }
    await Promise.all([...this.undisposed].map((entry) => this.dispose(entry)));
  }

  private entryFor(route: TenantRoute): Entry {
    const { id, credentialVersion } = route.datasource;
    const existing = this.entries.get(id);
    // A route cached before a rotation may carry an older version: the newer pool serves it,
    // so replicas' stale caches never make two versions retire each other in turn.
    if (existing && existing.credentialVersion >= credentialVersion) {
      this.counters.hits += 1;
      this.options.observer?.datasourceHit?.(id);
      this.entries.delete(id);
      this.entries.set(id, existing);
      return existing;
    }
    this.counters.misses += 1;
    if (existing) {
      this.retire(existing, 'credential-rotated');
    }
    const entry: Entry = {
      datasourceId: id,
      credentialVersion,
      promise: this.build(route),
      scoped: new Map(),
      leases: 0,
      lastUsed: this.now(),
      retired: false,
    };
    entry.promise.then(
      (client) => {
        entry.client = client;
      },
      () => undefined,
    );
    entry.promise.catch(() => {
      if (this.entries.get(id) === entry) {
        this.entries.delete(id);
      }
      this.undisposed.delete(entry);
    });
    this.entries.set(id, entry);
    this.undisposed.add(entry);
    this.enforceCap(entry);
    return entry;
  }

  private async build(route: TenantRoute): Promise<DatasourceConnection> {
    this.counters.builds += 1;
    try {
      const connection = await this.options.connect(route, this.budget);
      this.counters.liveDatasources += 1;
      return connection;
    } catch (error) {
      this.counters.buildFailures += 1;
      throw error;
    }
  }

  private enforceCap(newest: Entry): void {
    while (this.entries.size > this.options.maxClients) {
      const candidates = [...this.entries.values()].filter((entry) => entry !== newest);
      const victim = candidates.find((entry) => entry.leases === 0) ?? candidates[0];
      if (!victim) {
        return;
      }
      this.retire(victim, 'capacity');
    }
  }

  private retire(entry: Entry, reason: EvictionReason): void {
    if (entry.retired) {
      return;
    }
    entry.retired = true;
    this.entries.delete(entry.datasourceId);
    this.counters.evictions += 1;
    this.options.onEvict?.(entry.datasourceId, reason);
    this.options.observer?.datasourceEvicted?.(entry.datasourceId, reason);
    if (entry.leases === 0) {
      void this.dispose(entry);
    }
  }

  private release(entry: Entry): void {
    entry.leases -= 1;
    entry.lastUsed = this.now();
    if (entry.leases === 0 && entry.retired) {
      void this.dispose(entry);
    }
  }

  private dispose(entry: Entry): Promise<void> {
    entry.disposal ??= (async () => {
      const connection = await entry.promise.catch(() => undefined);
      if (connection) {
        await connection.close().catch(() => undefined);
        this.counters.liveDatasources -= 1;
      }
      this.undisposed.delete(entry);
    })();
    return entry.disposal;
  }
}
