import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { DatasourcePool } from '../../src/tenancy/datasource-pool.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

let database: TestDatabase;
const pools: DatasourcePool[] = [];

beforeAll(async () => {
  database = await createTestDatabase('pool_growth');
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

afterAll(async () => {
  await database?.drop();
});

function openPool(options: { poolMax: number; growAfterMs?: number; connectionBudget?: number; budgetWaitMs?: number }): {
  pool: DatasourcePool;
  budget: ConnectionBudget;
} {
  const budgetWaitMs = options.budgetWaitMs ?? 5_000;
  const budget = new ConnectionBudget({ connectionBudget: options.connectionBudget ?? 20, budgetWaitMs });
  const pool = new DatasourcePool({
    url: database.url,
    poolMax: options.poolMax,
    connectTimeoutMs: 5_000,
    budget,
    budgetWaitMs,
    applicationName: 'test-pool-growth',
    growAfterMs: options.growAfterMs,
  });
  pools.push(pool);
  return { pool, budget };
}

/** The server process serving the statement: which connection of the pool ran it. */
const backendPid = async (on: Pick<pg.ClientBase, 'query'>): Promise<number | undefined> =>
  (await on.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;

/** Statements that each take about `ms` on the server, all sent at once. */
const burst = (pool: DatasourcePool, statements: number, ms: number) =>
  Promise.all(Array.from({ length: statements }, (_, i) => pool.query<{ n: number }>(`SELECT $1::int AS n, pg_sleep(${ms / 1000})`, [i])));

test('statements sent together to an empty pool share its first connection when they are short', async () => {
  const { pool, budget } = openPool({ poolMax: 5, growAfterMs: 1_000 });
  const results = await burst(pool, 4, 1);
  expect(results.map((result) => result.rows[0]?.n)).toEqual([0, 1, 2, 3]);
  expect(pool.totalCount).toBe(1);
  expect(budget.stats().peakConnections).toBe(1);
});

test('a statement that waited past growAfterMs for a busy connection opens another, up to poolMax', async () => {
  const { pool, budget } = openPool({ poolMax: 3, growAfterMs: 5 });
  // The first connection stays checked out, as in a long transaction: the others must not wait for it.
  const held = await pool.connect();
  try {
    const results = await burst(pool, 6, 50);
    expect(results).toHaveLength(6);
    expect(pool.totalCount).toBe(3);
    expect(budget.stats().peakConnections).toBe(3);
  } finally {
    held.release();
  }
});

test('a waiting statement takes a connection released before the one opened for the wait is ready', async () => {
  // A budget of one keeps the grown connection waiting for room while the first one is held.
  const { pool, budget } = openPool({ poolMax: 2, growAfterMs: 5, connectionBudget: 1 });
  const held = await pool.connect();
  const heldPid = await backendPid(held);
  const waiting = backendPid(pool);
  try {
    await sleep(100);
    expect(budget.stats().waitingForConnection).toBe(1);
  } finally {
    held.release();
  }
  expect(await waiting).toBe(heldPid);
});

test('a grown connection that cannot open fails no statement and is not retried until a connection is released', async () => {
  // No room in the budget: the grown connection gives up after 50 ms. The waiting statement's own
  // checkout limit is the budget wait plus the connect timeout, so it outlives that.
  const { pool, budget } = openPool({ poolMax: 2, growAfterMs: 5, connectionBudget: 1, budgetWaitMs: 50 });
  const held = await pool.connect();
  const heldPid = await backendPid(held);
  const waiting = backendPid(pool);
  // A later statement waits too, but opens nothing while no connection has been released.
  let later: Promise<number | undefined> | undefined;
  try {
    await sleep(200);
    expect(budget.stats().budgetTimeouts).toBe(1);
    later = backendPid(pool);
    await sleep(200);
    expect(budget.stats().budgetTimeouts).toBe(1);
  } finally {
    held.release();
  }
  expect(await Promise.all([waiting, later])).toEqual([heldPid, heldPid]);
});

test('growAfterMs 0 opens a connection for each statement that finds none idle, as pg does', async () => {
  const { pool } = openPool({ poolMax: 5, growAfterMs: 0 });
  await burst(pool, 4, 50);
  expect(pool.totalCount).toBe(4);
});
