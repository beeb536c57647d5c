import { adminQuery } from '../support/databases.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Every pool the gateway holds (each tenant datasource's and the control plane's) listens for
// errors of its idle connections: a server that ends them (a restart, a failover, an operator's
// pg_terminate_backend) must not crash the process, which keeps serving on new connections.

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
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
