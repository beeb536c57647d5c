import { createApp, type App } from '../../src/app.js';
import { type LimitsConfig } from '../../src/config/app-config.js';
import { postGraphQL } from '../support/graphql-client.js';
import { startTestFleet, TEST_PASSWORD, type TestFleet } from '../support/test-fleet.js';

const fleets: TestFleet[] = [];
const extraApps: App[] = [];
async function fleetWith(limits: Partial<LimitsConfig>, options: { trustProxy?: boolean } = {}): Promise<TestFleet> {
  const fleet = await startTestFleet({ limits });
  if (options.trustProxy) {
    // A second gateway on the same control plane, as a replica behind a proxy would be.
    const behindProxy = await createApp({ ...fleet.config, trustProxy: true });
    extraApps.push(behindProxy);
    fleets.push(fleet);
    return { ...fleet, app: behindProxy, gql: (query, requestOptions) => postGraphQL(behindProxy.url, query, requestOptions) };
  }
  fleets.push(fleet);
  return fleet;
}
afterAll(async () => {
  await Promise.all(extraApps.map((app) => app.close()));
  await Promise.all(fleets.map((fleet) => fleet.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ACCOUNTS = '{ accounts { totalCount } }';

/** The raw HTTP answer, for the status and the Retry-After header. */
async function post(url: string, query: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions: { code: string; retryAfterSeconds?: number } }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), errors: body.errors ?? [] };
}

const LOGIN = (email: string, password: string, slug: string) =>
  `mutation { login(email: "${email}", password: "${password}", tenantSlug: "${slug}") { accessToken } }`;

describe('request limits per user and per tenant', () => {
  test('a user past the limit gets RATE_LIMITED with HTTP 429 and a retry hint; another user of the tenant is still served; the window resets', async () => {
    const fleet = await fleetWith({ perUserPerWindow: 3, requestWindowSeconds: 2 });
    const owner = (await fleet.login('owner@acme.test', 'acme')).accessToken;
    const viewer = (await fleet.login('viewer@acme.test', 'acme')).accessToken;
    for (let i = 0; i < 3; i += 1) {
      expect((await post(fleet.app.url, ACCOUNTS, owner)).errors).toEqual([]);
    }
    const refused = await post(fleet.app.url, ACCOUNTS, owner);
    expect(refused.status).toBe(429);
    expect(refused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    const hint = refused.errors[0]?.extensions.retryAfterSeconds ?? 0;
    expect(hint).toBeGreaterThanOrEqual(1);
    expect(hint).toBeLessThanOrEqual(2);
    expect(refused.retryAfter).toBe(String(hint));
    expect((await post(fleet.app.url, ACCOUNTS, viewer)).errors).toEqual([]);
    await sleep(hint * 1000 + 100);
    expect((await post(fleet.app.url, ACCOUNTS, owner)).errors).toEqual([]);
  });

  test('a tenant past its limit is refused for all its users while another tenant is served, and the count holds across replicas', async () => {
    const fleet = await fleetWith({ perTenantPerWindow: 4, requestWindowSeconds: 60 });
    const replica = await createApp(fleet.config);
    extraApps.push(replica);
    const owner = (await fleet.login('owner@acme.test', 'acme')).accessToken;
    const viewer = (await fleet.login('viewer@acme.test', 'acme')).accessToken;
    const globex = (await fleet.login('owner@globex.test', 'globex')).accessToken;
    expect((await post(fleet.app.url, ACCOUNTS, owner)).errors).toEqual([]);
    expect((await post(replica.url, ACCOUNTS, owner)).errors).toEqual([]);
    expect((await post(fleet.app.url, ACCOUNTS, viewer)).errors).toEqual([]);
    expect((await post(replica.url, ACCOUNTS, viewer)).errors).toEqual([]);
    for (const [url, token] of [
      [fleet.app.url, owner],
      [replica.url, viewer],
    ] as const) {
      const refused = await post(url, ACCOUNTS, token);
      expect(refused.status).toBe(429);
      expect(refused.errors[0]?.message).toMatch(/your tenant has made too many requests/);
    }
    expect((await post(replica.url, ACCOUNTS, globex)).errors).toEqual([]);
  });

  test('limits set to 0 are off', async () => {
    const fleet = await fleetWith({ perUserPerWindow: 0, perTenantPerWindow: 0 });
    const owner = (await fleet.login('owner@acme.test', 'acme')).accessToken;
    const results = await Promise.all(Array.from({ length: 30 }, () => post(fleet.app.url, ACCOUNTS, owner)));
    expect(results.flatMap((result) => result.errors)).toEqual([]);
  });
});

describe('login throttling', () => {
  test('failures pause the account, even for the right password, until the window ends; other accounts log in meanwhile', async () => {
    const fleet = await fleetWith({ failuresPerAccount: 3, loginWindowSeconds: 8 });
    for (let i = 0; i < 3; i += 1) {
      expect((await post(fleet.app.url, LOGIN('owner@acme.test', 'wrong password', 'acme'))).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const paused = await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'));
    expect(paused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(paused.status).toBe(429);
    expect(Number(paused.retryAfter)).toBeGreaterThanOrEqual(1);
    // The refusal is the same for an account that does not exist, once it has failed as often.
    for (let i = 0; i < 3; i += 1) {
      await post(fleet.app.url, LOGIN('nobody@acme.test', 'wrong password', 'acme'));
    }
    expect((await post(fleet.app.url, LOGIN('nobody@acme.test', 'wrong password', 'acme'))).errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect((await post(fleet.app.url, LOGIN('viewer@acme.test', TEST_PASSWORD, 'acme'))).errors).toEqual([]);
    const stillPaused = await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'));
    expect(stillPaused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    await sleep(Number(stillPaused.retryAfter) * 1000 + 100);
    expect((await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'))).errors).toEqual([]);
  });

  test('a successful login clears the account\'s failures', async () => {
    const fleet = await fleetWith({ failuresPerAccount: 3, loginWindowSeconds: 60 });
    for (const password of ['wrong 1', 'wrong 2', TEST_PASSWORD, 'wrong 3', 'wrong 4']) {
      await post(fleet.app.url, LOGIN('owner@globex.test', password, 'globex'));
    }
    expect((await post(fleet.app.url, LOGIN('owner@globex.test', TEST_PASSWORD, 'globex'))).errors).toEqual([]);
  });

  test('failures from one address pause it for every account; behind a trusted proxy the forwarded address counts, not the proxy\'s', async () => {
    const fleet = await fleetWith({ failuresPerAddress: 3, loginWindowSeconds: 60 }, { trustProxy: true });
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.9.9.9` });
    for (const email of ['a@acme.test', 'b@acme.test', 'c@acme.test']) {
      await post(fleet.app.url, LOGIN(email, 'wrong password', 'acme'), undefined, from('192.0.2.10'));
    }
    const paused = await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'), undefined, from('192.0.2.10'));
    expect(paused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect((await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'), undefined, from('192.0.2.11'))).errors).toEqual([]);
  });

  test('without TRUST_PROXY a client cannot dodge the address limit by sending X-Forwarded-For', async () => {
    const fleet = await fleetWith({ failuresPerAddress: 2, loginWindowSeconds: 60 });
    await post(fleet.app.url, LOGIN('a@acme.test', 'wrong password', 'acme'), undefined, { 'x-forwarded-for': '198.51.100.1' });
    await post(fleet.app.url, LOGIN('b@acme.test', 'wrong password', 'acme'), undefined, { 'x-forwarded-for': '198.51.100.2' });
    const paused = await post(fleet.app.url, LOGIN('owner@acme.test', TEST_PASSWORD, 'acme'), undefined, { 'x-forwarded-for': '198.51.100.3' });
    expect(paused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
  });
});
