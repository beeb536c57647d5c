import { createApp, type App } from '../../src/app.js';
import { adminQuery } from '../support/databases.js';
import { codesOf, postGraphQL } from '../support/graphql-client.js';
import { eventually } from '../support/processes.js';
import { startTestFleet, TEST_PASSWORD, type TestFleet } from '../support/test-fleet.js';

const LONG_TTL_MS = 10 * 60_000;
const FLIP_WITHIN_MS = 30_000;

let fleet: TestFleet;
/** Configured to keep serving cached tenants through a control-plane outage. */
let servesCached: App;
let blocked = false;

async function blockControlPlane(allow: boolean): Promise<void> {
  const name = fleet.databases.control.name;
  await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${allow}`);
  if (!allow) {
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  }
  blocked = !allow;
}

beforeAll(async () => {
  const cached = { tenancy: { configTtlMs: LONG_TTL_MS }, auth: { membershipCacheTtlMs: LONG_TTL_MS } };
  fleet = await startTestFleet(cached);
  servesCached = await createApp({ ...fleet.config, controlPlane: { ...fleet.config.controlPlane, serveCachedDuringOutage: true } });
});
afterAll(async () => {
  if (blocked) {
    await blockControlPlane(true);
  }
  await servesCached?.close();
  await fleet?.close();
});

async function readyz(app: App): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }> {
  const response = await fetch(`${app.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const REFRESH = 'mutation($token: String!) { refresh(refreshToken: $token) { accessToken } }';

test('with the control plane down: not ready, login and refresh fail closed, cached tenants are served only where configured', async () => {
  const session = await fleet.login('owner@acme.test', 'acme');
  const accounts = (app: App) => postGraphQL(app.url, '{ accounts { totalCount } }', { token: session.accessToken });
  for (const app of [fleet.app, servesCached]) {
    expect((await accounts(app)).errors).toEqual([]);
    expect(await readyz(app)).toEqual({ status: 200, body: { status: 'ready', checks: { controlPlane: 'ok', changeListener: 'ok' } } });
  }
  expect((await fetch(`${fleet.app.url}/healthz`)).status).toBe(200);

  await blockControlPlane(false);
  expect(await eventually(async () => (await readyz(fleet.app)).status === 503, FLIP_WITHIN_MS)).toBe(true);
  expect((await readyz(fleet.app)).body).toEqual({ status: 'not ready', checks: { controlPlane: 'failed', changeListener: 'failed' } });
  expect((await fetch(`${fleet.app.url}/healthz`)).status).toBe(200);

  const login = await postGraphQL(fleet.app.url, LOGIN, { variables: { email: 'owner@acme.test', password: TEST_PASSWORD } });
  expect(codesOf(login)).toEqual(['CONTROL_PLANE_UNAVAILABLE']);
  expect(login.raw).not.toMatch(/postgres|accepting connections|55000/i);
  const refresh = await postGraphQL(fleet.app.url, REFRESH, { variables: { token: session.refreshToken } });
  expect(codesOf(refresh)).toEqual(['CONTROL_PLANE_UNAVAILABLE']);

  // Default: fail closed, although this replica has the route and the membership cached.
  const refused = await accounts(fleet.app);
  expect(refused.status).toBe(503);
  expect(codesOf(refused)).toEqual(['CONTROL_PLANE_UNAVAILABLE']);
  // CONTROL_PLANE_OUTAGE_SERVE_CACHED=true: the cached tenant keeps being served from its own database.
  expect(await eventually(() => !servesCached.listener.alive, FLIP_WITHIN_MS)).toBe(true);
  const served = await accounts(servesCached);
  expect(served.errors).toEqual([]);
  expect(codesOf(await postGraphQL(servesCached.url, LOGIN, { variables: { email: 'owner@acme.test', password: TEST_PASSWORD } }))).toEqual(['CONTROL_PLANE_UNAVAILABLE']);

  await blockControlPlane(true);
  for (const app of [fleet.app, servesCached]) {
    expect(await eventually(async () => (await readyz(app)).status === 200, FLIP_WITHIN_MS)).toBe(true);
  }
  const again = await postGraphQL(fleet.app.url, LOGIN, { variables: { email: 'owner@acme.test', password: TEST_PASSWORD } });
  expect(again.errors).toEqual([]);
  // The first query on a connection the outage killed may fail once; the next one is served.
  expect(await eventually(async () => (await accounts(fleet.app)).errors.length === 0, FLIP_WITHIN_MS)).toBe(true);
});
