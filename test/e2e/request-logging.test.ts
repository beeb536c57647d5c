import { pino } from 'pino';
import { open } from '../../src/crypto/secret-box.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { openDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

const lines: string[] = [];
let fleet: TestFleet;

beforeAll(async () => {
  let target: TestFleet | undefined;
  // A client whose pg pool is already closed: every query fails with an error no mapping knows.
  const brokenClient = async (route: TenantRoute, budget: ConnectionBudget) => {
    const url = open((target as TestFleet).config.keyRing, route.datasource.encryptedUrl, route.datasource.id);
    const client = await openDatasource({ url, poolMax: 1, connectTimeoutMs: 5_000, budgetWaitMs: 5_000, budget, applicationName: 'broken' });
    await client.pool.end();
    return client;
  };
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  fleet = await startTestFleet({ connect: brokenClient, logger });
  target = fleet;
});
afterAll(async () => {
  await fleet?.close();
});

test('a fault is masked for the client and logged once with request, tenant and user ids, without its message', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const response = await fetch(`${fleet.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: 'query ListAccounts { accounts { totalCount } }' }),
  });
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(codesOf({ status: 200, data: null, errors: body.errors })).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(body.errors[0]?.message).toBe('Internal server error');

  const faults = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.requestId === requestId);
  expect(faults).toHaveLength(1);
  expect(faults[0]).toMatchObject({ level: 50, tenantId: fleet.tenants.acme.id, operationName: 'ListAccounts', path: ['accounts'] });
  expect(typeof faults[0]?.userId).toBe('string');
  const logged = lines.join('\n');
  expect(logged).not.toMatch(/postgres(ql)?:\/\/|pool after calling end|SELECT/i);
});
