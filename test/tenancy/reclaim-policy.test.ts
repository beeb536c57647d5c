import { tenantPicker } from '../../bench/load/tenant-picker.js';
import { ConnectionBudget, type ConnectionHolder } from '../../src/tenancy/connection-budget.js';
import { RecentUse } from '../../src/tenancy/recent-use.js';

/**
 * Which idle connection the budget closes decides how often a request finds its datasource
 * without one and waits for a Postgres backend to start. This drives the real budget and use
 * ranking with the bench's Zipf traffic (200 datasources of one connection, a budget of 60, one
 * request every 3 ms) and counts reconnects, against the same traffic ranked by last use only.
 */

const DATASOURCES = 200;
const BUDGET = 60;
const REQUESTS = 20_000;
const MS_PER_REQUEST = 3;

/** A datasource pool of one connection, opened and closed at once. */
class OneConnectionPool implements ConnectionHolder {
  connected = false;

  constructor(
    private readonly budget: ConnectionBudget,
    readonly use: RecentUse,
  ) {
    budget.register(this);
  }

  reclaimRank(): number | undefined {
    return this.connected ? this.use.rank() : undefined;
  }

  closeIdle(): void {
    this.connected = false;
    this.budget.release();
  }
}

async function reconnectShare(halfLifeMs: number): Promise<number> {
  const budget = new ConnectionBudget({ connectionBudget: BUDGET, budgetWaitMs: 1_000 });
  const pools = Array.from({ length: DATASOURCES }, () => new OneConnectionPool(budget, new RecentUse(halfLifeMs)));
  const pick = tenantPicker(DATASOURCES, 'zipf', 11);
  let reconnects = 0;
  for (let request = 1; request <= REQUESTS; request += 1) {
    const pool = pools[pick()] as OneConnectionPool;
    if (!pool.connected) {
      reconnects += 1;
      await budget.acquire(pool);
      pool.connected = true;
    }
    pool.use.record(request * MS_PER_REQUEST);
  }
  expect(budget.stats().peakConnections).toBe(BUDGET);
  return reconnects / REQUESTS;
}

test('under Zipf traffic, closing the least used idle connection reconnects far less often than closing the least recently used one', async () => {
  // A half-life far below the gap between requests ranks by the last use alone.
  const leastRecentlyUsed = await reconnectShare(0.001);
  const leastUsed = await reconnectShare(10_000);
  expect(leastRecentlyUsed).toBeGreaterThan(0.25);
  expect(leastUsed).toBeLessThan(leastRecentlyUsed * 0.85);
});
