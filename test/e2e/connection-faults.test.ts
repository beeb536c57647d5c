import pg from 'pg';
import { adminQuery } from '../support/databases.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Every pool the gateway holds (each tenant datasource's and the control plane's) listens for
// errors of its idle connections: a server that ends them (a restart, a failover, an operator's
// pg_terminate_backend) must not crash the process, which keeps serving on new connections. And a
// request that outlives REQUEST_TIMEOUT_MS is answered with REQUEST_TIMEOUT, not left hanging.

const REQUEST_TIMEOUT_MS = 1_500;

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
});
afterAll(async () => {
  await fleet?.close();
});

const ACCOUNTS = '{ accounts { totalCount } }';

/** Idle connections the gateway's pools still hold: the acme datasource's and the control plane's. */
function idleConnections(): number {
  const acme = fleet.app.pool.cachedClients().find((client) => client.datasourceId === fleet.tenants.acme.datasourceId);
  return (acme?.connections?.idle ?? 0) + fleet.app.control.pool.idleCount;
}

test('terminating every idle connection of the gateway does not crash it, and the next requests are served', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  expect(codesOf(await fleet.gql(ACCOUNTS, { token: accessToken }))).toEqual([]);
  expect(idleConnections()).toBeGreaterThan(0);

  const databases = [fleet.databases.control.name, fleet.databases.acme.name].map((name) => `'${name}'`).join(', ');
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN (${databases}) AND pid <> pg_backend_pid()`);
  // Each pool hears of its connection's end as an 'error' event and drops it.
  while (idleConnections() > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const again = await fleet.login('owner@acme.test', 'acme');
  expect(codesOf(await fleet.gql(ACCOUNTS, { token: again.accessToken }))).toEqual([]);
  expect(fleet.app.breakers.state(fleet.tenants.acme.datasourceId)).toBe('closed');
});

test('a request still running at REQUEST_TIMEOUT_MS is answered REQUEST_TIMEOUT with HTTP 504', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const locker = new pg.Client({ connectionString: fleet.tenants.acme.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
    const result = await fleet.gql(ACCOUNTS, { token: accessToken });
    expect(result.status).toBe(504);
    expect(codesOf(result)).toEqual(['REQUEST_TIMEOUT']);
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }
  expect(codesOf(await fleet.gql(ACCOUNTS, { token: accessToken }))).toEqual([]);
});
