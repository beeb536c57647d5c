import { request } from 'node:http';
import { pino } from 'pino';
import { open } from '../../src/crypto/secret-box.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { openDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 10 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('shutdown lets a request whose client hung up finish before it closes the tenant clients', async () => {
  const lines: string[] = [];
  let openGate: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  let fleet: TestFleet | undefined;
  let queriesAnswered = 0;
  // The build waits at the gate, so the request is still running when shutdown starts.
  const slowConnect = async (route: TenantRoute, budget: ConnectionBudget) => {
    await gate;
    const url = open((fleet as TestFleet).config.keyRing, route.datasource.encryptedUrl, route.datasource.id);
    // One connection that never grows: every release is then one statement the request ran (a grown
    // connection is handed back to the pool once, unused, when it opens).
    const client = await openDatasource({ url, poolMax: 1, connectTimeoutMs: 5_000, budgetWaitMs: 5_000, budget, applicationName: 'shutdown-test' });
    client.pool.on('release', () => {
      queriesAnswered += 1;
    });
    return client;
  };
  fleet = await startTestFleet({ connect: slowConnect, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) });
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');

  const hungUp = request(`${fleet.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
  });
  hungUp.on('error', () => undefined);
  hungUp.end(JSON.stringify({ query: '{ accounts { totalCount } }' }));
  await waitUntil(() => (fleet as TestFleet).app.pool.stats().misses === 1);
  hungUp.destroy();

  const closing = fleet.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  openGate();
  await closing;

  expect(lines.filter((line) => line.includes('unexpected error'))).toEqual([]);
  // The request's page and count ran on the client before it was closed.
  expect(queriesAnswered).toBe(2);
  expect(fleet.app.pool.stats().liveDatasources).toBe(0);
});
