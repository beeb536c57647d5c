import {
  ConnectionBudget,
  idleToRetire,
  poolSizeOf,
  type BudgetSlot,
  type ConnectionBudgetSettings,
  type ConnectionBudgetStats,
} from './connection-budget.js';
import { type DatasourceClient } from './tenant-client-factory.js';
import { type TenantRoute } from './datasource-registry.js';
import { scopeToTenant, type TenantDb } from './tenant-scope.js';

/** Options of {@link TenantClientPool}; defaults come from config (see `.env.example`). */
export interface TenantClientPoolOptions extends ConnectionBudgetSettings {
  /** Builds and connects the client of a datasource (decrypting its URL on the way). */
  connect: (route: TenantRoute) => Promise<DatasourceClient>;
  /**
   * Hard cap on clients; past it the least recently used one is retired. Config default 200: each
   * client carries a Prisma runtime, so memory stays bounded even when pools are small.
   */
  maxClients: number;
  /** A client unused this long is retired by the periodic cleanup (config default 1 h). */
  idleTtlMs: number;
  /** How often idle clients are looked for (config default 60 s); 0 disables the timer (tests call `evictIdle`). */
  cleanupIntervalMs: number;
  /** Clock for last use; defaults to `Date.now` (tests pass a fake one). */
  now?: () => number;
  /** Told of every retirement and why (the app logs it at debug); none by default. */
  onEvict?: (datasourceId: string, reason: EvictionReason) => void;
  /**
   * Told when a build gave up waiting for room in the budget and its requests got
   * TENANT_UNAVAILABLE (the app logs a warning: the budget is too small for the traffic).
   */
  onBudgetTimeout?: (datasourceId: string) => void;
}

export type EvictionReason = 'idle' | 'capacity' | 'budget' | 'invalidated' | 'credential-rotated' | 'shutdown';

/** Counters for metrics and the admin API. */
export interface TenantClientPoolStats extends ConnectionBudgetStats {
  hits: number;
  misses: number;
  builds: number;
  buildFailures: number;
  evictions: number;
  /** Clients built and not yet disconnected, including retired ones still draining requests. */
  liveClients: number;
  cachedClients: number;
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
  promise: Promise<DatasourceClient>;
  /** Set once the build resolves, so a snapshot can read its pool without awaiting. */
  client?: DatasourceClient;
  slot: BudgetSlot;
  scoped: Map<string, TenantDb>;
  leases: number;
  lastUsed: number;
  retired: boolean;
  disposal?: Promise<void>;
}

/**
 * One PrismaClient per datasource (pooled tenants share it), built for the newest credential
 * version seen; a newer version retires the older client. It caches the build promise, not the
 * client, so concurrent cold requests build once; a retired client is disconnected only after its
 * last lease is released. Clients share a connection budget: a build waits, inside the cached
 * promise, until retiring idle clients or finished requests make room for its pool.
 */
export class TenantClientPool {
  private readonly entries = new Map<string, Entry>();
  private readonly undisposed = new Set<Entry>();
  private readonly now: () => number;
  private readonly timer?: NodeJS.Timeout;
  private readonly budget: ConnectionBudget;
  private closing = false;
  private readonly counters = { hits: 0, misses: 0, builds: 0, buildFailures: 0, evictions: 0, liveClients: 0 };

  constructor(private readonly options: TenantClientPoolOptions) {
    this.now = options.now ?? Date.now;
    this.budget = new ConnectionBudget(options, (shortfall) => this.makeRoom(shortfall));
    if (options.cleanupIntervalMs > 0) {
      this.timer = setInterval(() => this.evictIdle(), options.cleanupIntervalMs);
      this.timer.unref();
    }
  }

  async acquire(route: TenantRoute): Promise<TenantLease> {
    const entry = this.entryFor(route);
    entry.leases += 1;
    entry.lastUsed = this.now();
    let client: DatasourceClient;
    try {
      client = await entry.promise;
    } catch (error) {
      this.release(entry);
      throw error;
    }
    let db = entry.scoped.get(route.tenantId);
    if (!db) {
      db = scopeToTenant(client.prisma, route.tenantId);
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

  /** Retires every client of a datasource, e.g. after its URL or pool settings changed. */
  evictDatasource(datasourceId: string): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.datasourceId === datasourceId) {
        this.retire(entry, 'invalidated');
      }
    }
  }

  /** Retires clients unused for longer than `idleTtlMs`; returns how many. */
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
    const leasesInUse = [...this.undisposed].reduce((sum, entry) => sum + entry.leases, 0);
    return { ...this.counters, cachedClients: this.entries.size, leasesInUse, ...this.budget.stats() };
  }

  /** The cached clients, most recently used last (the admin API's `tenantPoolStats`). */
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

  /** Disconnects every client, waiting for none: call after the HTTP server stopped taking requests. */
  async closeAll(): Promise<void> {
    this.closing = true;
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
    // A route cached before a rotation may carry an older version: the newer client serves it,
    // so replicas' stale caches never make two versions retire each other in turn.
    if (existing && existing.credentialVersion >= credentialVersion) {
      this.counters.hits += 1;
      this.entries.delete(id);
      this.entries.set(id, existing);
      return existing;
    }
    this.counters.misses += 1;
    if (existing) {
      this.retire(existing, 'credential-rotated');
    }
    const slot: BudgetSlot = { size: poolSizeOf(route, this.options), held: false };
    const entry: Entry = {
      datasourceId: id,
      credentialVersion,
      promise: this.build(route, slot),
      slot,
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

  private async build(route: TenantRoute, slot: BudgetSlot): Promise<DatasourceClient> {
    try {
      await this.budget.claim(slot);
    } catch (error) {
      if (!this.closing) {
        this.options.onBudgetTimeout?.(route.datasource.id);
      }
      throw error;
    }
    this.counters.builds += 1;
    try {
      const client = await this.options.connect(route);
      this.counters.liveClients += 1;
      return client;
    } catch (error) {
      this.counters.buildFailures += 1;
      this.budget.free(slot);
      throw error;
    }
  }

  /** Retires idle clients whose connections the first build waiting for budget needs. */
  private makeRoom(shortfall: number): void {
    const idle = (entry: Entry) => entry.leases === 0 && entry.slot.held;
    const retiring = [...this.undisposed].filter((entry) => entry.retired && idle(entry));
    for (const entry of idleToRetire([...this.entries.values()].filter(idle), retiring, shortfall)) {
      this.retire(entry, 'budget');
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
    if (entry.leases === 0) {
      void this.dispose(entry);
    }
  }

  private release(entry: Entry): void {
    entry.leases -= 1;
    entry.lastUsed = this.now();
    if (entry.leases === 0) {
      // A retired client gives its connections back once closed; an idle cached one may be
      // retired for a waiting build.
      if (entry.retired) {
        void this.dispose(entry);
      } else {
        this.budget.admitWaiters();
      }
    }
  }

  private dispose(entry: Entry): Promise<void> {
    entry.disposal ??= (async () => {
      const client = await entry.promise.catch(() => undefined);
      if (client) {
        await client.close().catch(() => undefined);
        this.counters.liveClients -= 1;
      }
      this.undisposed.delete(entry);
      this.budget.free(entry.slot);
    })();
    return entry.disposal;
  }
}
