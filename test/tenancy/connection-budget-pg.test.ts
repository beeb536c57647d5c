import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ErrorCode } from '../../src/errors/app-error.js';
import { type TenantDb } from '../../src/tenancy/tenant-scope.js';
import { startRuntimeFleet, type FleetDatabase, type RuntimeFleet } from '../support/runtime-fleet.js';

/** Samples how many server connections the gateway's datasources hold, as Postgres itself reports them. */
class ConnectionSampler {
  readonly samples: number[] = [];
  private running = true;
  private done?: Promise<void>;

  constructor(private readonly applicationName: string) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await client.connect();
    this.done = (async () => {
      while (this.running) {
        const result = await client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', [this.applicationName]);
        this.samples.push(Number(result.rows[0]?.count));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await client.end();
    })();
  }

  async stop(): Promise<number> {
    this.running = false;
    await this.done;
    return Math.max(...this.samples);
  }
}

async function tenantsOf(fleet: RuntimeFleet): Promise<TenantDb[]> {
  return Promise.all(fleet.databases.map(async (database) => (await fleet.pool.acquire(fleet.route(randomUUID(), database))).db));
}

describe('the connection budget on real Postgres', () => {
  let fleet: RuntimeFleet | undefined;
  afterEach(async () => {
    await fleet?.close();
    fleet = undefined;
  });

  test('six datasources under a budget of three serve every request and never hold more than three server connections', async () => {
    // Every query here reopens a connection (each pool waits for a second one, so each release
    // yields); a long wait keeps the test about the budget, not about how busy the machine is.
    fleet = await startRuntimeFleet({ databases: 6, poolMax: 2, connectionBudget: 3, budgetWaitMs: 30_000 });
    const sampler = new ConnectionSampler(fleet.applicationName);
    await sampler.start();
    const tenants = await tenantsOf(fleet);
    const requests = tenants.flatMap((db) => Array.from({ length: 8 }, () => Promise.all([db.account.findMany({ take: 5 }), db.account.count()])));
    const settled = await Promise.allSettled(requests);
    const peak = await sampler.stop();

    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sampler.samples.length).toBeGreaterThan(0);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(3);
    const stats = fleet.pool.stats();
    expect(stats.peakConnections).toBeLessThanOrEqual(3);
    expect(stats.connectionsReclaimed).toBeGreaterThan(0);
    expect(stats.budgetTimeouts).toBe(0);
  });

  test('a tenant that keeps every connection busy cannot starve a cold one', async () => {
    fleet = await startRuntimeFleet({ databases: 2, poolMax: 2, connectionBudget: 2, budgetWaitMs: 1_000 });
    const [hot, cold] = (await tenantsOf(fleet)) as [TenantDb, TenantDb];
    const [hotSource] = fleet.databases as [FleetDatabase];
    const hotPool = () => fleet?.pool.cachedClients().find((client) => client.datasourceId === hotSource.datasourceId)?.connections;
    await Promise.all([hot.account.count(), hot.account.count()]);
    let coldDone = false;
    // Always more transactions queued than the hot pool has connections, so a released connection
    // goes straight to the next one in its queue and none is ever idle for the budget to reclaim:
    // only the pool's yield rule (close a released connection while another datasource waits)
    // lets the cold request in; without it the request times out with TENANT_UNAVAILABLE.
    const hammer = async () => {
      while (!coldDone) {
        await hot.$transaction(async (tx) => tx.account.count());
      }
    };
    const hammers = Array.from({ length: 8 }, hammer);
    while (!(hotPool()?.total === 2 && hotPool()?.idle === 0 && (hotPool()?.waiting ?? 0) > 0)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answer = await cold.account.count().finally(() => {
      coldDone = true;
    });
    await Promise.all(hammers);
    expect(answer).toBe(0);
    expect(fleet.pool.stats()).toMatchObject({ budgetTimeouts: 0 });
    expect(fleet.pool.stats().peakConnections).toBeLessThanOrEqual(2);
  });

  test('a request that cannot get a connection within the wait fails with the retryable TENANT_UNAVAILABLE', async () => {
    // Longer than Prisma's default wait for a transaction's connection (2 s), which the runtime raises to the pool's own.
    fleet = await startRuntimeFleet({ databases: 2, poolMax: 1, connectionBudget: 1, budgetWaitMs: 2_500 });
    const [busy, waiting] = (await tenantsOf(fleet)) as [TenantDb, TenantDb];
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let started: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = busy.$transaction(async (tx) => {
      await tx.account.count();
      started();
      await held;
    }, { timeout: 10_000 });
    await holding;
    await expect(waiting.account.count()).rejects.toMatchObject({ code: ErrorCode.TENANT_UNAVAILABLE });
    // An interactive transaction waits as long as a query does, and fails the same way.
    await expect(waiting.$transaction((tx) => tx.account.count())).rejects.toMatchObject({ code: ErrorCode.TENANT_UNAVAILABLE });
    finish();
    await transaction;
    expect(fleet.pool.stats().budgetTimeouts).toBe(2);
    expect(await waiting.account.count()).toBe(0);
  });
});
