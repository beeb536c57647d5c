import { randomUUID } from 'node:crypto';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { poolSizeOf } from '../../src/tenancy/connection-budget.js';
import { type DatasourceConnection } from '../../src/tenancy/tenant-client-factory.js';
import { type TenantDb } from '../../src/tenancy/tenant-scope.js';
import {
  TenantClientPool,
  type EvictionReason,
  type TenantClientPoolOptions,
} from '../../src/tenancy/tenant-client-pool.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the pool's fire-and-forget disposals (awaits on the build promise, then close) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A client built by {@link FakeConnector}: its prisma only scopes, and its close is recorded. */
interface BuiltClient {
  datasourceId: string;
  credentialVersion: number;
  poolMax: number;
  /** How many scoped views (`scopeToTenant`) were made of this client's prisma. */
  scopedViews: number;
  closes: number;
}

/**
 * The pool's `connect`: each call is one build. Builds resolve at once unless `hold()` was called,
 * in which case the next build waits on a deferred the test settles.
 */
class FakeConnector {
  readonly built: BuiltClient[] = [];
  calls = 0;
  private readonly held: Deferred<void>[] = [];
  private readonly gates: Deferred<void>[] = [];

  /** Makes the next build wait until the returned deferred is resolved or rejected. */
  hold(): Deferred<void> {
    const gate = deferred<void>();
    this.held.push(gate);
    this.gates.push(gate);
    return gate;
  }

  /** Lets every held build finish, so a failed test cannot leave closeAll waiting on one. */
  openAllGates(): void {
    this.gates.forEach((gate) => gate.resolve());
  }

  readonly connect = async (route: TenantRoute): Promise<DatasourceConnection> => {
    this.calls += 1;
    const gate = this.held.shift();
    if (gate) {
      await gate.promise;
    }
    const built: BuiltClient = {
      datasourceId: route.datasource.id,
      credentialVersion: route.datasource.credentialVersion,
      poolMax: route.datasource.poolMax,
      scopedViews: 0,
      closes: 0,
    };
    this.built.push(built);
    // Test seam: the pool hands the adapter to the runtime's `scope` and never calls it itself.
    return {
      adapter: { built } as unknown as DatasourceConnection['adapter'],
      pool: undefined as unknown as DatasourceConnection['pool'],
      close: async () => {
        built.closes += 1;
      },
    };
  };

  /** Clients built and not closed yet. */
  open(): BuiltClient[] {
    return this.built.filter((built) => built.closes === 0);
  }

  /** The clients built for one datasource, oldest first. */
  of(datasourceId: string): BuiltClient[] {
    return this.built.filter((built) => built.datasourceId === datasourceId);
  }
}

function route(datasourceId: string, overrides: { tenantId?: string; credentialVersion?: number; poolMax?: number } = {}): TenantRoute {
  return {
    tenantId: overrides.tenantId ?? randomUUID(),
    slug: 'acme',
    status: 'ACTIVE',
    schemaVersion: null,
    datasource: {
      id: datasourceId,
      name: `ds-${datasourceId}`,
      kind: 'POOLED',
      encryptedUrl: 'v1.sealed',
      keyId: 'k1',
      credentialVersion: overrides.credentialVersion ?? 1,
      poolMax: overrides.poolMax ?? 4,
    },
  };
}

interface PoolUnderTest {
  pool: TenantClientPool;
  connector: FakeConnector;
  clock: { now: number };
  evictions: Array<[string, EvictionReason]>;
}

/** The runtime's part the pool uses: each scoped view is counted on the client it was made of. */
const scopeCounter: TenantClientPoolOptions['runtime'] = {
  scope: (_tenantId, target) => {
    const { built } = target.adapter as unknown as { built: BuiltClient };
    built.scopedViews += 1;
    return { scopedView: built.scopedViews, of: built } as unknown as TenantDb;
  },
};

function makePool(options: Partial<TenantClientPoolOptions> = {}): PoolUnderTest {
  const connector = new FakeConnector();
  const clock = { now: 1_000_000 };
  const evictions: Array<[string, EvictionReason]> = [];
  const pool = new TenantClientPool({
    connect: connector.connect,
    runtime: scopeCounter,
    maxClients: 10,
    connectionBudget: 1_000,
    defaultPoolMax: 4,
    budgetWaitMs: 5_000,
    idleTtlMs: 60_000,
    cleanupIntervalMs: 0,
    now: () => clock.now,
    onEvict: (datasourceId, reason) => evictions.push([datasourceId, reason]),
    ...options,
  });
  return { pool, connector, clock, evictions };
}

const tracked: PoolUnderTest[] = [];
afterEach(async () => {
  const done = tracked.splice(0);
  done.forEach(({ connector }) => connector.openAllGates());
  await Promise.all(done.map(({ pool }) => pool.closeAll()));
});

/** Closes the pool after the test, whether it passed or not. */
function track(under: PoolUnderTest): PoolUnderTest {
  tracked.push(under);
  return under;
}

describe('TenantClientPool single flight', () => {
  it('builds one client for 100 concurrent acquires of a cold datasource and leases it to all of them', async () => {
    const { pool, connector } = track(makePool());
    const gate = connector.hold();
    const tenant = route('ds-1');
    const pending = Array.from({ length: 100 }, () => pool.acquire(tenant));
    await settle();
    expect(connector.calls).toBe(1);
    expect(pool.stats()).toMatchObject({ builds: 1, misses: 1, hits: 99, leasesInUse: 100, liveDatasources: 0 });

    gate.resolve();
    const leases = await Promise.all(pending);
    expect(leases).toHaveLength(100);
    expect(new Set(leases.map((lease) => lease.db)).size).toBe(1);
    expect(leases.every((lease) => lease.datasourceId === 'ds-1')).toBe(true);
    expect(connector.built).toHaveLength(1);
    expect(connector.built[0]?.scopedViews).toBe(1);
    expect(pool.stats()).toMatchObject({ builds: 1, buildFailures: 0, liveDatasources: 1, cachedDatasources: 1, leasesInUse: 100 });

    leases.forEach((lease) => lease.release());
    expect(pool.stats().leasesInUse).toBe(0);
    await pool.acquire(tenant).then((lease) => lease.release());
    expect(pool.stats()).toMatchObject({ builds: 1, hits: 100, misses: 1 });
  });

  it('gives two pooled tenants of one datasource one shared client and two different scoped dbs', async () => {
    const { pool, connector } = track(makePool());
    const tenantA = route('pooled-1');
    const tenantB = route('pooled-1');
    const [a1, b1, a2] = await Promise.all([pool.acquire(tenantA), pool.acquire(tenantB), pool.acquire(tenantA)]);

    expect(connector.built).toHaveLength(1);
    expect(pool.stats()).toMatchObject({ builds: 1, liveDatasources: 1, cachedDatasources: 1, leasesInUse: 3 });
    expect(a1?.db).not.toBe(b1?.db);
    expect(a2?.db).toBe(a1?.db);
    expect(connector.built[0]?.scopedViews).toBe(2);
    [a1, b1, a2].forEach((lease) => lease?.release());
  });

  it('rejects every waiter of a failed build, caches nothing, and builds again on the next acquire', async () => {
    const { pool, connector } = track(makePool());
    const gate = connector.hold();
    const tenant = route('flaky');
    const waiters = Array.from({ length: 5 }, () => pool.acquire(tenant));
    const outcomes = Promise.allSettled(waiters);
    await settle();
    const failure = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    gate.reject(failure);

    const settled = await outcomes;
    expect(settled.map((outcome) => outcome.status)).toEqual(Array(5).fill('rejected'));
    for (const outcome of settled) {
      expect(outcome.status === 'rejected' && outcome.reason).toBe(failure);
    }
    expect(pool.stats()).toMatchObject({ builds: 1, buildFailures: 1, liveDatasources: 0, cachedDatasources: 0, leasesInUse: 0 });

    const lease = await pool.acquire(tenant);
    expect(connector.calls).toBe(2);
    expect(pool.stats()).toMatchObject({ builds: 2, buildFailures: 1, misses: 2, liveDatasources: 1, cachedDatasources: 1, leasesInUse: 1 });
    lease.release();
  });
});

describe('TenantClientPool eviction', () => {
  it('retires the least recently used idle client past maxClients and closes it', async () => {
    const { pool, connector, evictions, clock } = track(makePool({ maxClients: 3 }));
    const held = await pool.acquire(route('ds-1'));
    clock.now += 1;
    (await pool.acquire(route('ds-2'))).release();
    clock.now += 1;
    (await pool.acquire(route('ds-3'))).release();
    clock.now += 1;
    // Touch ds-2 so ds-3 is the least recently used idle client; ds-1 is older but leased.
    (await pool.acquire(route('ds-2'))).release();

    (await pool.acquire(route('ds-4'))).release();
    await settle();

    expect(evictions).toEqual([['ds-3', 'capacity']]);
    expect(connector.of('ds-3')[0]?.closes).toBe(1);
    for (const id of ['ds-1', 'ds-2', 'ds-4']) {
      expect(connector.of(id)[0]?.closes).toBe(0);
    }
    expect(pool.stats()).toMatchObject({ cachedDatasources: 3, liveDatasources: 3, evictions: 1 });
    held.release();

    // ds-3 was forgotten: asking for it again builds a new client (and retires the next LRU, ds-1).
    (await pool.acquire(route('ds-3'))).release();
    await settle();
    expect(connector.of('ds-3')).toHaveLength(2);
    expect(evictions).toEqual([['ds-3', 'capacity'], ['ds-1', 'capacity']]);
    expect(connector.of('ds-1')[0]?.closes).toBe(1);
  });

  it('keeps a client retired by capacity open until its last lease is released', async () => {
    const { pool, connector, evictions } = track(makePool({ maxClients: 1 }));
    const first = await pool.acquire(route('busy'));
    const second = await pool.acquire(route('busy'));
    (await pool.acquire(route('newcomer'))).release();
    await settle();

    expect(evictions).toEqual([['busy', 'capacity']]);
    expect(connector.of('busy')[0]?.closes).toBe(0);
    expect(pool.stats()).toMatchObject({ cachedDatasources: 1, liveDatasources: 2, leasesInUse: 2 });

    first.release();
    await settle();
    expect(connector.of('busy')[0]?.closes).toBe(0);
    second.release();
    await settle();
    expect(connector.of('busy')[0]?.closes).toBe(1);
    expect(pool.stats()).toMatchObject({ liveDatasources: 1, leasesInUse: 0 });
  });

  it('retires only clients idle longer than idleTtlMs', async () => {
    const { pool, connector, clock, evictions } = track(makePool({ idleTtlMs: 1_000 }));
    (await pool.acquire(route('old'))).release();
    const longRequest = await pool.acquire(route('leased'));
    clock.now += 600;
    (await pool.acquire(route('recent'))).release();

    clock.now += 399; // old: idle 999 ms
    expect(pool.evictIdle()).toBe(0);

    clock.now += 2; // old: 1001 ms, recent: 401 ms, leased: in use since 1001 ms
    expect(pool.evictIdle()).toBe(1);
    await settle();
    expect(evictions).toEqual([['old', 'idle']]);
    expect(connector.of('old')[0]?.closes).toBe(1);
    expect(connector.of('recent')[0]?.closes).toBe(0);
    expect(connector.of('leased')[0]?.closes).toBe(0);

    // Idleness counts from the release, not from the acquire.
    longRequest.release();
    clock.now += 700; // recent: 1101 ms, leased: released 700 ms ago
    expect(pool.evictIdle()).toBe(1);
    await settle();
    expect(evictions).toEqual([['old', 'idle'], ['recent', 'idle']]);
    expect(connector.of('leased')[0]?.closes).toBe(0);
    expect(pool.stats()).toMatchObject({ cachedDatasources: 1, liveDatasources: 1, evictions: 2 });
  });

  it('builds a new client for a new credentialVersion and retires the old one after its leases end', async () => {
    const { pool, connector, evictions } = track(makePool());
    const tenant = randomUUID();
    const old = await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 1 }));
    const fresh = await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 2 }));

    const [v1, v2] = connector.of('rotating');
    expect(connector.of('rotating').map((built) => built.credentialVersion)).toEqual([1, 2]);
    expect(fresh.db).not.toBe(old.db);
    expect(evictions).toEqual([['rotating', 'credential-rotated']]);
    expect(pool.stats()).toMatchObject({ builds: 2, cachedDatasources: 1, liveDatasources: 2 });
    await settle();
    expect(v1?.closes).toBe(0);

    old.release();
    await settle();
    expect(v1?.closes).toBe(1);
    expect(v2?.closes).toBe(0);
    fresh.release();
    (await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 2 }))).release();
    expect(pool.stats()).toMatchObject({ builds: 2, liveDatasources: 1 });
  });

  it('serves a route cached before a rotation with the newer client instead of thrashing', async () => {
    const { pool, connector, evictions } = track(makePool());
    const tenant = randomUUID();
    for (const version of [1, 2, 1, 2, 1, 2]) {
      (await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: version }))).release();
    }
    expect(connector.of('rotating').map((built) => built.credentialVersion)).toEqual([1, 2]);
    expect(evictions).toEqual([['rotating', 'credential-rotated']]);
    expect(pool.stats()).toMatchObject({ builds: 2, cachedDatasources: 1 });
  });

  it('counts a lease released twice only once', async () => {
    const { pool, connector } = track(makePool());
    const tenant = route('ds-1');
    const first = await pool.acquire(tenant);
    const second = await pool.acquire(tenant);
    first.release();
    first.release();
    expect(pool.stats().leasesInUse).toBe(1);

    // A second release must not drain the other request's hold on a retired client either.
    pool.evictDatasource('ds-1');
    first.release();
    await settle();
    expect(connector.built[0]?.closes).toBe(0);
    second.release();
    await settle();
    expect(connector.built[0]?.closes).toBe(1);
    second.release();
    expect(pool.stats()).toMatchObject({ leasesInUse: 0, liveDatasources: 0 });
  });
});

describe('TenantClientPool shutdown', () => {
  it('closeAll closes cached, retired-but-leased and still-building clients', async () => {
    const { pool, connector } = track(makePool({ maxClients: 2 }));
    (await pool.acquire(route('idle'))).release();
    const leased = await pool.acquire(route('leased'));
    pool.evictDatasource('leased');
    const gate = connector.hold();
    const building = pool.acquire(route('building'));
    await settle();
    expect(pool.stats()).toMatchObject({ liveDatasources: 2, leasesInUse: 2 });

    const closing = pool.closeAll();
    gate.resolve();
    const late = await building;
    await closing;

    expect(connector.built.map((built) => [built.datasourceId, built.closes])).toEqual([
      ['idle', 1],
      ['leased', 1],
      ['building', 1],
    ]);
    expect(pool.stats()).toMatchObject({ liveDatasources: 0, cachedDatasources: 0 });
    leased.release();
    late.release();
    await settle();
    expect(connector.built.every((built) => built.closes === 1)).toBe(true);
    expect(pool.stats()).toMatchObject({ liveDatasources: 0, leasesInUse: 0 });
  });
});

describe('poolSizeOf', () => {
  const settings = { defaultPoolMax: 5, connectionBudget: 8 };

  it("takes the datasource row's pool_max, else the default, never more than the whole budget", () => {
    expect(poolSizeOf(route('sized', { poolMax: 3 }), settings)).toBe(3);
    expect(poolSizeOf(route('unsized', { poolMax: 0 }), settings)).toBe(5);
    expect(poolSizeOf(route('huge', { poolMax: 50 }), settings)).toBe(8);
  });
});
