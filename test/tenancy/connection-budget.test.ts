import { ErrorCode } from '../../src/errors/app-error.js';
import { ConnectionBudget, type ConnectionHolder } from '../../src/tenancy/connection-budget.js';

/** A pool as the budget sees it: an idle connection at a given rank (or none), counting the closes it was asked for. */
class FakeHolder implements ConnectionHolder {
  closes = 0;
  constructor(public rank: number | undefined) {}
  reclaimRank(): number | undefined {
    return this.rank;
  }
  closeIdle(): void {
    this.closes += 1;
    this.rank = undefined;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function budgetOf(connectionBudget: number, budgetWaitMs = 5_000, onTimeout?: () => void): ConnectionBudget {
  return new ConnectionBudget({ connectionBudget, budgetWaitMs }, onTimeout);
}

test('admits connections up to the budget, then serves waiters first come, first served as connections close', async () => {
  const budget = budgetOf(2);
  const [a, b, c, d] = [new FakeHolder(undefined), new FakeHolder(undefined), new FakeHolder(undefined), new FakeHolder(undefined)];
  await budget.acquire(a);
  await budget.acquire(b);
  const order: string[] = [];
  const waiting = [budget.acquire(c).then(() => order.push('c')), budget.acquire(d).then(() => order.push('d'))];
  await settle();
  expect(order).toEqual([]);
  expect(budget.stats()).toMatchObject({ openConnections: 2, waitingForConnection: 2, budgetWaits: 2 });
  budget.release();
  await settle();
  expect(order).toEqual(['c']);
  budget.release();
  await Promise.all(waiting);
  expect(order).toEqual(['c', 'd']);
  expect(budget.stats()).toMatchObject({ openConnections: 2, peakConnections: 2, waitingForConnection: 0 });
});

test('a waiter makes the budget close the idle connection of the least used datasource anywhere, one per waiter', async () => {
  const budget = budgetOf(3);
  const most = new FakeHolder(300);
  const least = new FakeHolder(100);
  const middle = new FakeHolder(200);
  const busy = new FakeHolder(undefined);
  [most, least, middle, busy].forEach((holder) => budget.register(holder));
  for (const holder of [most, least, middle]) {
    await budget.acquire(holder);
  }
  const waiting = budget.acquire(busy);
  expect([least.closes, middle.closes, most.closes]).toEqual([1, 0, 0]);
  const second = budget.acquire(new FakeHolder(undefined));
  expect([least.closes, middle.closes, most.closes]).toEqual([1, 1, 0]);
  budget.release();
  budget.release();
  await Promise.all([waiting, second]);
  expect(budget.stats()).toMatchObject({ openConnections: 3, connectionsReclaimed: 2 });
});

test('a request that finds no room within the wait fails with the retryable TENANT_UNAVAILABLE', async () => {
  const timeouts: number[] = [];
  const budget = budgetOf(1, 20, () => timeouts.push(1));
  await budget.acquire(new FakeHolder(undefined));
  await expect(budget.acquire(new FakeHolder(undefined))).rejects.toMatchObject({ code: ErrorCode.TENANT_UNAVAILABLE });
  expect(timeouts).toEqual([1]);
  expect(budget.stats()).toMatchObject({ openConnections: 1, waitingForConnection: 0, budgetTimeouts: 1 });
});

test('a datasource yields released connections while another datasource waits, not while only it does', async () => {
  const budget = budgetOf(1, 5_000);
  const hot = new FakeHolder(undefined);
  const cold = new FakeHolder(undefined);
  await budget.acquire(hot);
  const hotAgain = budget.acquire(hot);
  expect(budget.shouldYield(hot)).toBe(false);
  const coldWaiting = budget.acquire(cold);
  expect(budget.shouldYield(hot)).toBe(true);
  expect(budget.shouldYield(cold)).toBe(true);
  budget.release();
  budget.release();
  budget.release();
  await Promise.all([hotAgain, coldWaiting]);
  budget.rejectWaiters('done');
});

test('the count of open connections never passes the budget under a random mix of opens and closes', async () => {
  const budget = budgetOf(4, 5_000);
  const holders = Array.from({ length: 6 }, () => new FakeHolder(undefined));
  let open = 0;
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const pending: Promise<void>[] = [];
  for (let step = 0; step < 400; step += 1) {
    if (random() < 0.6) {
      pending.push(budget.acquire(holders[Math.floor(random() * holders.length)] as FakeHolder).then(() => void (open += 1)));
    } else if (open > 0) {
      open -= 1;
      budget.release();
    }
    await settle();
    expect(budget.stats().openConnections).toBeLessThanOrEqual(4);
    expect(open).toBeLessThanOrEqual(4);
  }
  budget.rejectWaiters('done');
  await Promise.allSettled(pending);
});
