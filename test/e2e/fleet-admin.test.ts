import { platformAdminSession } from '../support/admin-session.js';
import { adminQuery } from '../support/databases.js';
import { expectError } from '../support/error-assertions.js';
import { codesOf, postGraphQL } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
let adminToken: string;
let ownerToken: string;
let adminUserId: string;
const createdDatabases: string[] = [];

const TENANT_FIELDS = 'id slug name status schemaVersion memberCount datasource { id name kind keyId credentialVersion poolMax region }';
const OPERATIONS: Record<string, string> = {
  tenants: '{ tenants { totalCount } }',
  tenant: `{ tenant(id: "${'0'.repeat(8)}-0000-4000-8000-000000000000") { id } }`,
  createTenant: 'mutation { createTenant(input: { slug: "nope", name: "Nope", ownerEmail: "a@b.test", datasourceId: "00000000-0000-4000-8000-000000000000" }) { ownerUserId } }',
  setTenantStatus: 'mutation { setTenantStatus(tenantId: "00000000-0000-4000-8000-000000000000", status: SUSPENDED) { id } }',
  tenantConnection: '{ tenantConnection(tenantId: "00000000-0000-4000-8000-000000000000") { ok } }',
  tenantPoolStats: '{ tenantPoolStats { builds } }',
  clearTenantCache: 'mutation { clearTenantCache(tenantId: "00000000-0000-4000-8000-000000000000") { clientEvicted } }',
  migrationRuns: '{ migrationRuns { totalCount } }',
  migrationRun: '{ migrationRun(id: "00000000-0000-4000-8000-000000000000") { id } }',
  fleetSchemaStatus: '{ fleetSchemaStatus { allCurrent } }',
  checkTenantSchemaStatus: 'mutation { checkTenantSchemaStatus(tenantId: "00000000-0000-4000-8000-000000000000") { state } }',
};

async function asAdmin<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await fleet.gql<T>(query, { token: adminToken, variables });
  expect(result.errors).toEqual([]);
  return result.data as T;
}

beforeAll(async () => {
  fleet = await startTestFleet();
  ({ userId: adminUserId, token: adminToken } = await platformAdminSession(fleet));
  ownerToken = (await fleet.login('owner@globex.test', 'globex')).accessToken;
});
afterAll(async () => {
  await fleet?.close();
  await Promise.all(createdDatabases.map((name) => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
});

test('a tenant owner is refused every admin operation with FORBIDDEN, and each refusal is audited', async () => {
  for (const query of Object.values(OPERATIONS)) {
    const result = await fleet.gql(query, { token: ownerToken });
    expectError(result, 'FORBIDDEN', /platform administrator/);
    const anonymous = await fleet.gql(query);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  }
  // The refusal's audit row is written beside the response, not before it: wait for the rows.
  const deniedOperations = async () => {
    const rows = await fleet.app.control.client.auditLog.findMany({ where: { operation: { startsWith: 'admin.' }, outcome: 'DENIED' } });
    return new Set(rows.map((row) => row.operation));
  };
  let denied = await deniedOperations();
  for (let attempt = 0; attempt < 50 && denied.size < Object.keys(OPERATIONS).length; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    denied = await deniedOperations();
  }
  expect(denied).toEqual(new Set(Object.keys(OPERATIONS).map((operation) => `admin.${operation}`)));
});

test('tenants pages by slug and filters; tenant(id) shows placement without any URL', async () => {
  const first = await asAdmin<{ tenants: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { slug: string } }[] } }>(
    '{ tenants(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }',
  );
  expect(first.tenants.edges.map((edge) => edge.node.slug)).toEqual(['acme', 'globex']);
  expect(first.tenants.pageInfo.hasNextPage).toBe(true);
  const next = await asAdmin<{ tenants: { edges: { node: { slug: string } }[] } }>(
    'query($after: String) { tenants(first: 2, after: $after) { edges { node { slug } } } }',
    { after: first.tenants.pageInfo.endCursor },
  );
  expect(next.tenants.edges.map((edge) => edge.node.slug)).toEqual(['initech', 'umbrella']);
  const pooled = await asAdmin<{ tenants: { edges: { node: { slug: string } }[] } }>('{ tenants(filter: { kind: POOLED }) { edges { node { slug } } } }');
  expect(pooled.tenants.edges.map((edge) => edge.node.slug)).toEqual(['initech', 'umbrella']);
  const raw = await postGraphQL(fleet.app.url, `query($id: ID!) { tenant(id: $id) { ${TENANT_FIELDS} } }`, { token: adminToken, variables: { id: fleet.tenants.initech.id } });
  expect(raw.data).toMatchObject({ tenant: { slug: 'initech', memberCount: 2, datasource: { name: 'pooled-db', kind: 'POOLED', keyId: 'test-key' } } });
  expect(raw.raw).not.toMatch(/postgres(ql)?:\/\//);
  expectError(await fleet.gql('{ tenant(id: "not-a-uuid") { id } }', { token: adminToken }), 'BAD_USER_INPUT');
});

test('createTenant provisions onto a pooled datasource and onto a new database, and the new owner can sign in', async () => {
  const pooled = await asAdmin<{ createTenant: { tenant: { id: string; slug: string; status: string }; seededRows: number; ownerInitialPassword: string } }>(
    'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id slug status } seededRows ownerInitialPassword } }',
    { input: { slug: 'hooli', name: 'Hooli', ownerEmail: 'owner@hooli.test', datasourceId: fleet.tenants.initech.datasourceId, seed: true } },
  );
  expect(pooled.createTenant).toMatchObject({ tenant: { slug: 'hooli', status: 'ACTIVE' }, seededRows: expect.any(Number) });
  const login = await fleet.gql<{ login: { accessToken: string } }>(
    'mutation($p: String!) { login(email: "owner@hooli.test", password: $p, tenantSlug: "hooli") { accessToken } }',
    { variables: { p: pooled.createTenant.ownerInitialPassword } },
  );
  const accounts = await fleet.gql<{ accounts: { totalCount: number } }>('{ accounts { totalCount } }', { token: login.data?.login.accessToken });
  expect(accounts.data?.accounts.totalCount).toBeGreaterThan(0);

  createdDatabases.push('tenant_vandelay');
  const dedicated = await asAdmin<{ createTenant: { createdDatabase: string; tenant: { datasource: { kind: string; name: string } } } }>(
    'mutation($input: CreateTenantInput!) { createTenant(input: $input) { createdDatabase tenant { datasource { kind name } } } }',
    { input: { slug: 'vandelay', name: 'Vandelay', ownerEmail: 'owner@globex.test', newDatabase: { sameServerAs: fleet.tenants.acme.datasourceId } } },
  );
  expect(dedicated.createTenant).toEqual({ createdDatabase: 'tenant_vandelay', tenant: { datasource: { kind: 'DEDICATED', name: 'vandelay-dedicated' } } });

  const both = await fleet.gql('mutation { createTenant(input: { slug: "twice", name: "Twice", ownerEmail: "a@b.test" }) { ownerUserId } }', { token: adminToken });
  expectError(both, 'BAD_USER_INPUT', /exactly one/);
  const taken = await fleet.gql(`mutation { createTenant(input: { slug: "acme", name: "Acme", ownerEmail: "a@b.test", datasourceId: "${fleet.tenants.initech.datasourceId}" }) { ownerUserId } }`, { token: adminToken });
  expectError(taken, 'BAD_USER_INPUT', /already exists/);
  const audited = await fleet.app.control.client.auditLog.findMany({ where: { operation: 'admin.createTenant', actorUserId: adminUserId } });
  expect(audited.map((row) => row.outcome).sort()).toEqual(['FAILURE', 'FAILURE', 'SUCCESS', 'SUCCESS']);
});

test('setTenantStatus takes effect on this replica at once', async () => {
  const setStatus = 'mutation($id: ID!, $s: TenantStatus!) { setTenantStatus(tenantId: $id, status: $s) { status } }';
  expect(await asAdmin(setStatus, { id: fleet.tenants.globex.id, s: 'READ_ONLY' })).toEqual({ setTenantStatus: { status: 'READ_ONLY' } });
  expect(codesOf(await fleet.gql('mutation { createAccount(input: { name: "Refused" }) { id } }', { token: ownerToken }))).toEqual(['TENANT_READ_ONLY']);
  expect((await fleet.gql('{ accounts { totalCount } }', { token: ownerToken })).errors).toEqual([]);
  await asAdmin(setStatus, { id: fleet.tenants.globex.id, s: 'ACTIVE' });
  expect((await fleet.gql('mutation { createAccount(input: { name: "Allowed" }) { id } }', { token: ownerToken })).errors).toEqual([]);
});

test('tenantConnection reports every step; tenantPoolStats and clearTenantCache show and drop the cached client', async () => {
  await fleet.gql('{ accounts { totalCount } }', { token: ownerToken });
  const report = await asAdmin<{ tenantConnection: { ok: boolean; failedStep: string | null; steps: { name: string; status: string; ms: number; detail: string }[] } }>(
    'query($id: ID!) { tenantConnection(tenantId: $id) { ok failedStep steps { name status ms detail hint } } }',
    { id: fleet.tenants.globex.id },
  );
  expect(report.tenantConnection).toMatchObject({ ok: true, failedStep: null });
  expect(report.tenantConnection.steps.map((step) => `${step.name}:${step.status}`)).toEqual(
    ['lookup', 'decrypt', 'network', 'authentication', 'schema', 'pool'].map((name) => `${name}:ok`),
  );
  expect(report.tenantConnection.steps.at(-1)?.detail).toContain('gateway: client cached');

  const stats = await asAdmin<{ tenantPoolStats: { builds: number; clients: { datasourceId: string }[] } }>('{ tenantPoolStats { builds clients { datasourceId leases connections { total } } } }');
  expect(stats.tenantPoolStats.clients.map((client) => client.datasourceId)).toContain(fleet.tenants.globex.datasourceId);
  const cleared = await asAdmin<{ clearTenantCache: { clientEvicted: boolean; datasourceId: string } }>(
    'mutation($id: ID!) { clearTenantCache(tenantId: $id) { clientEvicted datasourceId } }',
    { id: fleet.tenants.globex.id },
  );
  expect(cleared.clearTenantCache).toEqual({ clientEvicted: true, datasourceId: fleet.tenants.globex.datasourceId });
  const builds = fleet.app.pool.stats().builds;
  expect((await fleet.gql('{ accounts { totalCount } }', { token: ownerToken })).errors).toEqual([]);
  expect(fleet.app.pool.stats().builds).toBe(builds + 1);
  const successes = await fleet.app.control.client.auditLog.findMany({ where: { actorUserId: adminUserId, outcome: 'SUCCESS', operation: { startsWith: 'admin.' } } });
  expect(new Set(successes.map((row) => row.operation))).toEqual(
    new Set(['admin.tenants', 'admin.tenant', 'admin.createTenant', 'admin.setTenantStatus', 'admin.tenantConnection', 'admin.tenantPoolStats', 'admin.clearTenantCache']),
  );
});
