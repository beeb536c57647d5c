import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
let token: string;
const tenantId = () => fleet.tenants.globex.id;

beforeAll(async () => {
  fleet = await startTestFleet();
  token = (await fleet.login('owner@globex.test', 'globex')).accessToken;
});
afterAll(async () => {
  await fleet?.close();
});

/** Changes the tenant row as an operator would, and drops the cached route. */
async function setTenant(data: { status?: 'ACTIVE' | 'READ_ONLY' | 'SUSPENDED'; schemaVersion?: string }) {
  await fleet.app.control.client.tenant.update({ where: { id: tenantId() }, data });
  fleet.app.registry.invalidateTenant(tenantId());
}

test('a read-only tenant serves reads and refuses writes with TENANT_READ_ONLY', async () => {
  await setTenant({ status: 'READ_ONLY' });
  const read = await fleet.gql('{ accounts { totalCount } }', { token });
  expect(read.errors).toEqual([]);
  const write = await fleet.gql('mutation { createAccount(input: { name: "During the move" }) { id } }', { token });
  expect(codesOf(write)).toEqual(['TENANT_READ_ONLY']);
  const rows = await (await fleet.rawDb('globex')).prisma.account.count({ where: { name: 'During the move' } });
  expect(rows).toBe(0);
  await setTenant({ status: 'ACTIVE' });
  const after = await fleet.gql('mutation { createAccount(input: { name: "After the move" }) { id } }', { token });
  expect(after.errors).toEqual([]);
});

test('a tenant whose schema is behind the code gets TENANT_SCHEMA_OUTDATED, not an SQL error, and no client', async () => {
  const current = await fleet.app.control.client.tenant.findUniqueOrThrow({ where: { id: tenantId() } });
  fleet.app.pool.evictDatasource(fleet.tenants.globex.datasourceId);
  const before = fleet.app.pool.stats().builds;
  await setTenant({ schemaVersion: '20200101000000_init' });
  const result = await fleet.gql('{ accounts { totalCount } }', { token });
  expect(codesOf(result)).toEqual(['TENANT_SCHEMA_OUTDATED']);
  expect(result.errors[0]?.message).toMatch(/tenantgate migrate/);
  expect(fleet.app.pool.stats().builds).toBe(before);
  await setTenant({ schemaVersion: current.schemaVersion ?? undefined });
  expect((await fleet.gql('{ accounts { totalCount } }', { token })).errors).toEqual([]);
});
