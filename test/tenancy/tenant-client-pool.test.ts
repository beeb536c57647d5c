import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { ErrorCode } from '../../src/errors/app-error.js';
import { type PrismaClient } from '../../src/generated/tenant/client.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { poolSizeOf } from '../../src/tenancy/connection-budget.js';
import { connectDatasource, type DatasourceClient } from '../../src/tenancy/tenant-client-factory.js';
import {
  TenantClientPool,
  type EvictionReason,
  type TenantClientPoolOptions,
  type TenantLease,
} from '../../src/tenancy/tenant-client-pool.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

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
  /** Clients built before this one and not closed when its build started. */
  openBefore: BuiltClient[];
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

  readonly connect = async (route: TenantRoute): Promise<DatasourceClient> => {
    this.calls += 1;
    const openBefore = this.open();
    const gate = this.held.shift();
    if (gate) {
      await gate.promise;
    }
    const built: BuiltClient = {
      datasourceId: route.datasource.id,
      credentialVersion: route.datasource.credentialVersion,
      poolMax: route.datasource.poolMax,
      openBefore,
      scopedViews: 0,
      closes: 0,
    };
    // Test seam: the pool only ever calls `$extends` on the prisma (through scopeToTenant).
    const prisma = {
      $extends: () => {
        built.scopedViews += 1;
        return { scopedView: built.scopedViews, of: built };
      },
    } as unknown as PrismaClient;
    this.built.push(built);
    return {
      prisma,
      pool: undefined as unknown as DatasourceClient['pool'],
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

function makePool(options: Partial<TenantClientPoolOptions> = {}): PoolUnderTest {
  const connector = new FakeConnector();
  const clock = { now: 1_000_000 };
  const evictions: Array<[string, EvictionReason]> = [];
  const pool = new TenantClientPool({
    connect: connector.connect,
    maxClients: 10,
    // Room for every client unless a test sets a budget.
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
    expect(pool.stats()).toMatchObject({ builds: 1, misses: 1, hits: 99, leasesInUse: 100, liveClients: 0 });

    gate.resolve();
    const leases = await Promise.all(pending);
    expect(leases).toHaveLength(100);
    expect(new Set(leases.map((lease) => lease.db)).size).toBe(1);
    expect(leases.every((lease) => lease.datasourceId === 'ds-1')).toBe(true);
    expect(connector.built).toHaveLength(1);
    expect(connector.built[0]?.scopedViews).toBe(1);
    expect(pool.stats()).toMatchObject({ builds: 1, buildFailures: 0, liveClients: 1, cachedClients: 1, leasesInUse: 100 });

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
    expect(pool.stats()).toMatchObject({ builds: 1, liveClients: 1, cachedClients: 1, leasesInUse: 3 });
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
    // The failed build gave back the connections it had reserved.
    expect(pool.stats()).toMatchObject({ builds: 1, buildFailures: 1, liveClients: 0, cachedClients: 0, leasesInUse: 0 });
    expect(pool.stats().reservedConnections).toBe(0);

    const lease = await pool.acquire(tenant);
    expect(connector.calls).toBe(2);
    expect(pool.stats()).toMatchObject({ builds: 2, buildFailures: 1, misses: 2, liveClients: 1, cachedClients: 1, leasesInUse: 1 });
    expect(pool.stats().reservedConnections).toBe(4);
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
    expect(pool.stats()).toMatchObject({ cachedClients: 3, liveClients: 3, evictions: 1 });
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
    expect(pool.stats()).toMatchObject({ cachedClients: 1, liveClients: 2, leasesInUse: 2 });

    first.release();
    await settle();
    expect(connector.of('busy')[0]?.closes).toBe(0);
    second.release();
    await settle();
    expect(connector.of('busy')[0]?.closes).toBe(1);
    expect(pool.stats()).toMatchObject({ liveClients: 1, leasesInUse: 0 });
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
    expect(pool.stats()).toMatchObject({ cachedClients: 1, liveClients: 1, evictions: 2 });
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
    expect(pool.stats()).toMatchObject({ builds: 2, cachedClients: 1, liveClients: 2 });
    await settle();
    expect(v1?.closes).toBe(0);

    old.release();
    await settle();
    expect(v1?.closes).toBe(1);
    expect(v2?.closes).toBe(0);
    fresh.release();
    (await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 2 }))).release();
    expect(pool.stats()).toMatchObject({ builds: 2, liveClients: 1 });
  });

  it('serves a route cached before a rotation with the newer client instead of thrashing', async () => {
    const { pool, connector, evictions } = track(makePool());
    const tenant = randomUUID();
    for (const version of [1, 2, 1, 2, 1, 2]) {
      (await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: version }))).release();
    }
    expect(connector.of('rotating').map((built) => built.credentialVersion)).toEqual([1, 2]);
    expect(evictions).toEqual([['rotating', 'credential-rotated']]);
    expect(pool.stats()).toMatchObject({ builds: 2, cachedClients: 1 });
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
    expect(pool.stats()).toMatchObject({ leasesInUse: 0, liveClients: 0 });
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
    expect(pool.stats()).toMatchObject({ liveClients: 2, leasesInUse: 2 });

    const closing = pool.closeAll();
    gate.resolve();
    const late = await building;
    await closing;

    expect(connector.built.map((built) => [built.datasourceId, built.closes])).toEqual([
      ['idle', 1],
      ['leased', 1],
      ['building', 1],
    ]);
    expect(pool.stats()).toMatchObject({ liveClients: 0, cachedClients: 0 });
    leased.release();
    late.release();
    await settle();
    expect(connector.built.every((built) => built.closes === 1)).toBe(true);
    expect(pool.stats()).toMatchObject({ liveClients: 0, leasesInUse: 0 });
  });
});

/** Connections the clients open at `built`'s build would hold: those still open plus its own pool. */
const connectionsAtBuild = (built: BuiltClient) => built.poolMax + built.openBefore.reduce((sum, open) => sum + open.poolMax, 0);

describe('poolSizeOf', () => {
  const settings = { defaultPoolMax: 5, connectionBudget: 8 };

  it("takes the datasource row's pool_max, else the default, never more than the whole budget", () => {
    expect(poolSizeOf(route('sized', { poolMax: 3 }), settings)).toBe(3);
    expect(poolSizeOf(route('unsized', { poolMax: 0 }), settings)).toBe(5);
    expect(poolSizeOf(route('huge', { poolMax: 50 }), settings)).toBe(8);
  });
});

describe('TenantClientPool connection budget', () => {
  it('never reserves or opens more than the budget through a churn of many datasources', async () => {
    const { pool, connector } = track(makePool({ connectionBudget: 10 }));
    const sizes = [2, 3, 4];
    let maxReserved = 0;
    const failures: unknown[] = [];
    const worker = async (offset: number) => {
      for (let step = 0; step < 40; step += 1) {
        const n = (offset * 7 + step * 3) % 20;
        try {
          const lease = await pool.acquire(route(`churn-${n}`, { poolMax: sizes[n % sizes.length] }));
          maxReserved = Math.max(maxReserved, pool.stats().reservedConnections);
          await settle();
          lease.release();
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, offset) => worker(offset)));

    expect(failures).toEqual([]);
    expect(maxReserved).toBeLessThanOrEqual(10);
    expect(Math.max(...connector.built.map(connectionsAtBuild))).toBeLessThanOrEqual(10);
    const stats = pool.stats();
    expect(stats.builds).toBeGreaterThan(20);
    expect(stats.budgetWaits).toBeGreaterThan(0);
    expect(stats).toMatchObject({ budgetTimeouts: 0, buildFailures: 0, leasesInUse: 0 });
    expect(stats.reservedConnections).toBe(connector.open().reduce((sum, open) => sum + open.poolMax, 0));
  });

  it('retires the least recently used idle client to make room and closes it before the new build starts', async () => {
    const { pool, connector, clock, evictions } = track(makePool({ connectionBudget: 8 }));
    (await pool.acquire(route('older'))).release();
    clock.now += 1;
    (await pool.acquire(route('lru'))).release();
    clock.now += 1;
    (await pool.acquire(route('older'))).release();
    expect(pool.stats()).toMatchObject({ reservedConnections: 8, connectionBudget: 8, budgetWaits: 0 });

    const lease = await pool.acquire(route('newcomer'));

    expect(evictions).toEqual([['lru', 'budget']]);
    const [newcomer] = connector.of('newcomer');
    expect(newcomer?.openBefore.map((open) => open.datasourceId)).toEqual(['older']);
    expect(connector.of('lru')[0]?.closes).toBe(1);
    expect(connector.of('older')[0]?.closes).toBe(0);
    expect(pool.stats()).toMatchObject({ reservedConnections: 8, budgetWaits: 1, cachedClients: 2, liveClients: 2 });
    lease.release();
  });

  it('makes an acquire wait while every client is leased and builds once a lease is released', async () => {
    const { pool, connector, evictions } = track(makePool({ connectionBudget: 8 }));
    const first = await pool.acquire(route('first'));
    const second = await pool.acquire(route('second'));
    const waiting = [pool.acquire(route('third')), pool.acquire(route('third'))];
    let served = false;
    void Promise.all(waiting).then(() => (served = true));
    await settle();

    expect(served).toBe(false);
    expect(connector.calls).toBe(2);
    expect(evictions).toEqual([]);
    expect(pool.stats()).toMatchObject({ reservedConnections: 8, budgetWaits: 1, leasesInUse: 4 });

    second.release();
    const leases = await Promise.all(waiting);
    expect(evictions).toEqual([['second', 'budget']]);
    expect(connector.of('third')).toHaveLength(1);
    expect(connector.of('third')[0]?.openBefore.map((open) => open.datasourceId)).toEqual(['first']);
    expect(connector.of('first')[0]?.closes).toBe(0);
    expect(pool.stats()).toMatchObject({ reservedConnections: 8, budgetWaits: 1, budgetTimeouts: 0, builds: 3 });
    [first, ...leases].forEach((lease) => lease.release());
  });

  it('gives a rotated client its predecessor connections once the last request on the old one ends', async () => {
    const { pool, connector, evictions } = track(makePool({ connectionBudget: 4 }));
    const tenant = randomUUID();
    const old = await pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 1 }));
    const fresh = pool.acquire(route('rotating', { tenantId: tenant, credentialVersion: 2 }));
    await settle();
    expect(evictions).toEqual([['rotating', 'credential-rotated']]);
    expect(connector.calls).toBe(1);

    old.release();
    (await fresh).release();
    expect(connector.of('rotating').map((built) => [built.credentialVersion, built.closes, built.openBefore.length])).toEqual([
      [1, 1, 0],
      [2, 0, 0],
    ]);
    expect(pool.stats()).toMatchObject({ reservedConnections: 4, liveClients: 1 });
  });

  it('fails an acquire that finds no room within budgetWaitMs with TENANT_UNAVAILABLE and stays usable', async () => {
    const timeouts: string[] = [];
    const { pool, connector } = track(makePool({ connectionBudget: 4, budgetWaitMs: 50, onBudgetTimeout: (id) => timeouts.push(id) }));
    const busy = await pool.acquire(route('busy'));
    const started = Date.now();

    await expect(pool.acquire(route('starved'))).rejects.toMatchObject({
      code: ErrorCode.TENANT_UNAVAILABLE,
      message: expect.stringMatching(/connection budget; retry shortly/),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(connector.of('starved')).toHaveLength(0);
    expect(pool.stats()).toMatchObject({ budgetWaits: 1, budgetTimeouts: 1, reservedConnections: 4, cachedClients: 1, leasesInUse: 1 });
    expect(timeouts).toEqual(['starved']);

    busy.release();
    const retry = await pool.acquire(route('starved'));
    expect(connector.of('starved')).toHaveLength(1);
    expect(connector.of('busy')[0]?.closes).toBe(1);
    expect(pool.stats()).toMatchObject({ budgetTimeouts: 1, reservedConnections: 4, cachedClients: 1, leasesInUse: 1 });
    retry.release();
  });

  it('builds once for 100 concurrent cold acquires of one datasource while the budget is full', async () => {
    const { pool, connector } = track(makePool({ connectionBudget: 4 }));
    const busy = await pool.acquire(route('busy'));
    const tenant = route('cold');
    const pending = Array.from({ length: 100 }, () => pool.acquire(tenant));
    await settle();
    expect(connector.calls).toBe(1);
    expect(pool.stats()).toMatchObject({ misses: 2, hits: 99, budgetWaits: 1, leasesInUse: 101 });

    busy.release();
    const leases = await Promise.all(pending);
    expect(connector.of('cold')).toHaveLength(1);
    expect(new Set(leases.map((lease) => lease.db)).size).toBe(1);
    expect(pool.stats()).toMatchObject({ builds: 2, budgetWaits: 1, reservedConnections: 4, leasesInUse: 100 });
    leases.forEach((lease) => lease.release());
  });

  it('closeAll fails the acquires waiting for budget and closes everything', async () => {
    const timeouts: string[] = [];
    const { pool, connector } = track(makePool({ connectionBudget: 4, onBudgetTimeout: (id) => timeouts.push(id) }));
    const busy = await pool.acquire(route('busy'));
    const waiting = Promise.allSettled(Array.from({ length: 3 }, () => pool.acquire(route('waiting'))));
    await settle();

    await pool.closeAll();
    const outcomes = await waiting;
    const codes = outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason.code);
    expect(codes).toEqual(Array(3).fill(ErrorCode.TENANT_UNAVAILABLE));
    // Shutdown is not a budget shortage: nothing to warn about.
    expect(timeouts).toEqual([]);
    expect(connector.of('waiting')).toHaveLength(0);
    expect(connector.of('busy')[0]?.closes).toBe(1);
    expect(pool.stats()).toMatchObject({ reservedConnections: 0, liveClients: 0, cachedClients: 0 });
    busy.release();
    expect(pool.stats().leasesInUse).toBe(0);
  });
});

describe('TenantClientPool with real datasource clients', () => {
  let database: TestDatabase;
  const closes = new Map<DatasourceClient, number>();

  const connectReal = async (): Promise<DatasourceClient> => {
    const real = await connectDatasource({ url: database.url, poolMax: 2, connectTimeoutMs: 5_000, applicationName: 'pool-test' });
    const client: DatasourceClient = {
      ...real,
      close: async () => {
        closes.set(client, (closes.get(client) ?? 0) + 1);
        await real.close();
      },
    };
    closes.set(client, 0);
    return client;
  };

  const ask = async (lease: TenantLease) => {
    const rows = await lease.db.$queryRawUnsafe<Array<{ ok: number }>>('SELECT 1 AS ok');
    return rows[0]?.ok;
  };

  beforeAll(async () => {
    database = await createTestDatabase('pool');
  });

  afterAll(async () => {
    await database.drop();
  });

  it('lets requests holding a client retired by evictDatasource keep querying, then closes it', async () => {
    const pool = new TenantClientPool({
      connect: connectReal,
      maxClients: 4,
      connectionBudget: 10,
      defaultPoolMax: 2,
      budgetWaitMs: 5_000,
      idleTtlMs: 60_000,
      cleanupIntervalMs: 0,
    });
    const tenant = route('real-ds', { poolMax: 2 });
    const [first, second] = await Promise.all([pool.acquire(tenant), pool.acquire(tenant)]);
    const [client] = [...closes.keys()];

    pool.evictDatasource('real-ds');
    expect(pool.stats()).toMatchObject({ cachedClients: 0, liveClients: 1, leasesInUse: 2, evictions: 1 });
    expect(await ask(first)).toBe(1);
    first.release();
    await settle();
    expect(closes.get(client!)).toBe(0);
    expect(await ask(second)).toBe(1);
    second.release();
    await settle();
    expect(closes.get(client!)).toBe(1);
    expect(pool.stats()).toMatchObject({ liveClients: 0, leasesInUse: 0 });

    const next = await pool.acquire(tenant);
    expect(await ask(next)).toBe(1);
    expect(pool.stats()).toMatchObject({ builds: 2, liveClients: 1 });
    next.release();
    await pool.closeAll();
    expect(pool.stats().liveClients).toBe(0);
    expect([...closes.values()]).toEqual([1, 1]);
  });

  it('keeps the connections of 12 churning datasources within a budget of 4, with no failed query', async () => {
    const settings = { connectionBudget: 4, defaultPoolMax: 2, budgetWaitMs: 20_000 };
    // Named like the product's `tenantgate:<datasource>`, under a prefix no other suite uses.
    const prefix = `tg-budget-${randomBytes(4).toString('hex')}`;
    const pgPools: pg.Pool[] = [];
    const pool = new TenantClientPool({
      ...settings,
      connect: async (tenantRoute) => {
        const client = await connectDatasource({
          url: database.url,
          poolMax: poolSizeOf(tenantRoute, settings),
          connectTimeoutMs: 5_000,
          applicationName: `${prefix}:${tenantRoute.datasource.name}`,
        });
        pgPools.push(client.pool);
        return client;
      },
      maxClients: 12,
      idleTtlMs: 60_000,
      cleanupIntervalMs: 0,
    });
    const monitor = new pg.Client({ connectionString: database.url, application_name: 'tg-budget-monitor' });
    await monitor.connect();
    const opened = () => pgPools.reduce((sum, pgPool) => sum + pgPool.totalCount, 0);
    const peaks = { serverSide: 0, clientSide: 0, samples: 0 };
    let churning = true;
    const sampler = (async () => {
      while (churning) {
        peaks.clientSide = Math.max(peaks.clientSide, opened());
        const { rows } = await monitor.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1',
          [`${prefix}:%`],
        );
        peaks.serverSide = Math.max(peaks.serverSide, rows[0]?.n ?? 0);
        peaks.samples += 1;
      }
    })();

    const failures: unknown[] = [];
    const worker = async (offset: number) => {
      for (let step = 0; step < 8; step += 1) {
        try {
          const lease = await pool.acquire(route(`real-${(offset * 5 + step * 7) % 12}`, { poolMax: 2 }));
          try {
            // Two queries at once, so a client really opens both connections of its pool.
            const query = () => lease.db.$queryRawUnsafe<Array<{ ok: number }>>('SELECT 1 AS ok FROM pg_sleep(0.005)');
            const results = await Promise.all([query(), query()]);
            expect(results.map((rows) => rows[0]?.ok)).toEqual([1, 1]);
            peaks.clientSide = Math.max(peaks.clientSide, opened());
          } finally {
            lease.release();
          }
        } catch (error) {
          failures.push(error);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: 8 }, (_, offset) => worker(offset)));
    } finally {
      churning = false;
      await sampler;
      await pool.closeAll();
      await monitor.end();
    }

    expect(failures).toEqual([]);
    expect(peaks.samples).toBeGreaterThan(10);
    expect(peaks.serverSide).toBeGreaterThan(0);
    expect(peaks.serverSide).toBeLessThanOrEqual(4);
    expect(peaks.clientSide).toBeLessThanOrEqual(4);
    const stats = pool.stats();
    expect(stats.builds).toBeGreaterThan(12);
    expect(stats.budgetWaits).toBeGreaterThan(0);
    expect(stats).toMatchObject({ budgetTimeouts: 0, buildFailures: 0, reservedConnections: 0, liveClients: 0, leasesInUse: 0 });
  });
});
