import { createApp, type App } from '../../src/app.js';
import { setTenantStatus } from '../../src/ops/tenants/tenant-status.js';
import { moveTenant } from '../../src/ops/move/tenant-move.js';
import { platformAdminSession } from '../support/admin-session.js';
import { adminQuery } from '../support/databases.js';
import { codesOf, postGraphQL } from '../support/graphql-client.js';
import { eventually } from '../support/processes.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Far longer than any test: whatever a replica drops, it drops because it was told.
const LONG_TTL_MS = 10 * 60_000;
/** How long a replica may take to see a change before the test gives up (generous for a busy machine). */
const SEEN_WITHIN_MS = 15_000;

let fleet: TestFleet;
/** A second gateway process-in-miniature on the same control plane, with its own caches and listener. */
let other: App;
let replicas: App[];

beforeAll(async () => {
  fleet = await startTestFleet({ tenancy: { configTtlMs: LONG_TTL_MS }, auth: { membershipCacheTtlMs: LONG_TTL_MS } });
  other = await createApp(fleet.config);
  replicas = [fleet.app, other];
});
afterAll(async () => {
  await other?.close();
  await fleet?.close();
});

const accountsOn = (app: App, token: string) => postGraphQL<{ accounts: { totalCount: number } }>(app.url, '{ accounts { totalCount } }', { token });

/** Polls until every replica passes `check`, and returns how long that took. */
async function seenByEvery(check: (app: App) => Promise<boolean>): Promise<number> {
  const started = performance.now();
  const seen = await eventually(async () => (await Promise.all(replicas.map(check))).every(Boolean), SEEN_WITHIN_MS);
  expect(seen).toBe(true);
  return Math.round(performance.now() - started);
}

test('a tenant moved to another datasource is routed there by every replica long before its cached route expires', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const acme = fleet.tenants.acme;
  for (const app of replicas) {
    expect((await accountsOn(app, accessToken)).errors).toEqual([]);
    expect((await app.registry.resolve(acme.id)).datasource.id).toBe(acme.datasourceId);
  }
  const lookups = replicas.map((app) => app.registry.lookups);

  const moved = await moveTenant(
    { control: fleet.app.control.client, keyRing: fleet.config.keyRing, controlUrl: fleet.databases.control.url },
    { tenant: 'acme', to: { kind: 'datasource', datasource: 'pooled-db' }, settleMs: 0 },
  );
  expect(moved.target).toBe('pooled-db');
  const pooledId = fleet.tenants.initech.datasourceId;
  const ms = await seenByEvery(async (app) => (await app.registry.resolve(acme.id)).datasource.id === pooledId);
  process.stdout.write(`replicas routed the moved tenant to its new datasource after ${ms} ms\n`);

  // Each replica looked the route up again (it was told), and serves the tenant from its new home.
  replicas.forEach((app, index) => expect(app.registry.lookups).toBeGreaterThan(lookups[index] as number));
  for (const app of replicas) {
    const after = await accountsOn(app, accessToken);
    expect(after.errors).toEqual([]);
    expect(app.pool.cachedClients().map((client) => client.datasourceId)).toContain(pooledId);
  }
});

test('suspending a tenant and removing a membership apply on every replica without waiting for a cache to expire', async () => {
  const owner = await fleet.login('owner@globex.test', 'globex');
  const viewer = await fleet.login('viewer@globex.test', 'globex');
  for (const app of replicas) {
    expect((await accountsOn(app, owner.accessToken)).errors).toEqual([]);
    expect((await accountsOn(app, viewer.accessToken)).errors).toEqual([]);
  }
  const viewerId = (await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'viewer@globex.test' } })).id;
  const removed = await postGraphQL(other.url, 'mutation($id: ID!) { removeTenantMember(userId: $id) { role } }', { token: owner.accessToken, variables: { id: viewerId } });
  expect(removed.errors).toEqual([]);
  await seenByEvery(async (app) => codesOf(await accountsOn(app, viewer.accessToken)).includes('FORBIDDEN'));

  await setTenantStatus(fleet.app.control.client, 'globex', 'SUSPENDED');
  await seenByEvery(async (app) => codesOf(await accountsOn(app, owner.accessToken)).includes('FORBIDDEN'));
  await setTenantStatus(fleet.app.control.client, 'globex', 'ACTIVE');
  await seenByEvery(async (app) => (await accountsOn(app, owner.accessToken)).errors.length === 0);
});

test('a replica whose listener is killed reconnects and re-syncs, dropping a change it never heard of', async () => {
  const { accessToken } = await fleet.login('owner@umbrella.test', 'umbrella');
  const umbrella = fleet.tenants.umbrella.id;
  for (const app of replicas) {
    expect((await accountsOn(app, accessToken)).errors).toEqual([]);
  }
  const subscriptions = replicas.map((app) => app.listener.subscriptions);
  // Changed behind the feed's back: no notification, so only a re-sync can reveal it.
  await fleet.app.control.client.tenant.update({ where: { id: umbrella }, data: { status: 'READ_ONLY' } });
  expect((await fleet.app.registry.resolve(umbrella)).status).toBe('ACTIVE');

  await adminQuery(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tenantgate-listener' AND datname = '${fleet.databases.control.name}'`,
  );
  await seenByEvery(async (app) => app.listener.subscriptions > (subscriptions[replicas.indexOf(app)] as number) && app.listener.alive);
  for (const app of replicas) {
    expect((await app.registry.resolve(umbrella)).status).toBe('READ_ONLY');
    expect(codesOf(await postGraphQL(app.url, 'mutation { createAccount(input: { name: "x" }) { id } }', { token: accessToken }))).toEqual(['TENANT_READ_ONLY']);
  }

  // The re-subscribed listener hears what comes next.
  await setTenantStatus(fleet.app.control.client, 'umbrella', 'ACTIVE');
  await seenByEvery(async (app) => (await app.registry.resolve(umbrella)).status === 'ACTIVE');
});

test('clearTenantCache drops the route and the client on every replica', async () => {
  const { accessToken } = await fleet.login('owner@initech.test', 'initech');
  const adminToken = (await platformAdminSession(fleet)).token;
  for (const app of replicas) {
    expect((await accountsOn(app, accessToken)).errors).toEqual([]);
  }
  const pooledId = fleet.tenants.initech.datasourceId;
  const evictions = replicas.map((app) => app.pool.stats().evictions);
  const cleared = await postGraphQL(fleet.app.url, 'mutation($id: ID!) { clearTenantCache(tenantId: $id) { clientEvicted } }', {
    token: adminToken,
    variables: { id: fleet.tenants.initech.id },
  });
  expect(cleared.errors).toEqual([]);
  await seenByEvery(async (app) => app.pool.stats().evictions > (evictions[replicas.indexOf(app)] as number));
  for (const app of replicas) {
    expect(app.pool.cachedClients().map((client) => client.datasourceId)).not.toContain(pooledId);
  }
});
