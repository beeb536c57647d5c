import { randomBytes } from 'node:crypto';
import { authRequests, CREATE_ACCOUNT, dataOf, REFRESH, SWITCH_TENANT, uniqueName, type TokenPair } from '../support/auth-requests.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Sessions over real HTTP: refresh-token rotation and reuse detection, switchTenant, logout.

interface MeView {
  me: { tenant: { id: string; slug: string }; role: string };
}

const LOGOUT = 'mutation($refreshToken: String) { logout(refreshToken: $refreshToken) }';
const ME = '{ me { tenant { id slug } role } }';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const { send, refusedWithoutClient, login, accountNames } = authRequests(() => fleet);

const tryRefresh = (refreshToken: string) => send<{ refresh: TokenPair }>(REFRESH, { variables: { refreshToken } });

async function refresh(refreshToken: string): Promise<TokenPair> {
  return dataOf(await tryRefresh(refreshToken)).refresh;
}

/** A refresh token that no longer works: UNAUTHENTICATED, and no client is built for it. */
async function expectRefreshRefused(refreshToken: string): Promise<void> {
  const result = await refusedWithoutClient(() => tryRefresh(refreshToken));
  expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  expect(result.data).toBeNull();
}

async function me(accessToken: string): Promise<MeView['me']> {
  return dataOf(await send<MeView>(ME, { token: accessToken })).me;
}

describe('refresh', () => {
  it('rotates: the new pair works and the old refresh token is spent', async () => {
    const first = await login('viewer@acme.test', 'acme');
    const second = await refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.tenant.slug).toBe('acme');
    expect(second.role).toBe('VIEWER');
    expect((await me(second.accessToken)).tenant.slug).toBe('acme');
    expect(await accountNames(second.accessToken)).toEqual(expect.any(Array));
    const third = await refresh(second.refreshToken);
    expect((await me(third.accessToken)).role).toBe('VIEWER');
  });

  it('treats reuse of a rotated token as theft and revokes the whole family', async () => {
    const first = await login('viewer@acme.test', 'acme');
    const second = await refresh(first.refreshToken);
    const third = await refresh(second.refreshToken);

    const reused = await refusedWithoutClient(() => tryRefresh(first.refreshToken));
    expect(codesOf(reused)).toEqual(['UNAUTHENTICATED']);
    // The newest token of the family, never used, is dead too: the thief and the victim both log in again.
    await expectRefreshRefused(third.refreshToken);
  });

  it('keeps families independent: revoking one login leaves another working', async () => {
    const laptop = await login('viewer@acme.test', 'acme');
    const phone = await login('viewer@acme.test', 'acme');
    await refresh(laptop.refreshToken);
    await expectRefreshRefused(laptop.refreshToken);
    const phoneNext = await refresh(phone.refreshToken);
    expect((await me(phoneNext.accessToken)).tenant.slug).toBe('acme');
  });

  it('refuses a made-up refresh token and an access token passed as refresh token', async () => {
    const session = await login('viewer@acme.test', 'acme');
    await expectRefreshRefused(`rt_${randomBytes(32).toString('base64url')}`);
    await expectRefreshRefused(session.accessToken);
  });
});

describe('switchTenant', () => {
  it('gives a member of acme and globex a globex token whose queries are answered from globex', async () => {
    const globexOwner = await login('owner@globex.test', 'globex');
    const name = uniqueName('Globex only');
    dataOf(await send(CREATE_ACCOUNT, { token: globexOwner.accessToken, variables: { name } }));

    const multi = await login('multi@tenants.test', 'acme');
    expect(await me(multi.accessToken)).toEqual({ tenant: { id: fleet.tenants.acme.id, slug: 'acme' }, role: 'MEMBER' });
    expect(await accountNames(multi.accessToken)).not.toContain(name);

    const switched = dataOf(await send<{ switchTenant: TokenPair }>(SWITCH_TENANT, { token: multi.accessToken, variables: { tenantSlug: 'globex' } })).switchTenant;
    expect(switched.tenant.slug).toBe('globex');
    expect(switched.role).toBe('OWNER');
    expect(await me(switched.accessToken)).toEqual({ tenant: { id: fleet.tenants.globex.id, slug: 'globex' }, role: 'OWNER' });
    expect(await accountNames(switched.accessToken)).toContain(name);

    const refreshed = await refresh(switched.refreshToken);
    expect(refreshed.tenant.slug).toBe('globex');
    // The acme session is untouched by the switch.
    expect((await me(multi.accessToken)).tenant.slug).toBe('acme');
  });

  it('refuses a tenant the caller is not a member of, and an anonymous caller', async () => {
    const multi = await login('multi@tenants.test', 'acme');
    const result = await refusedWithoutClient(() => send(SWITCH_TENANT, { token: multi.accessToken, variables: { tenantSlug: 'initech' } }));
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();

    const anonymous = await refusedWithoutClient(() => send(SWITCH_TENANT, { variables: { tenantSlug: 'globex' } }));
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('logout', () => {
  it('with a refresh token ends that session only', async () => {
    const one = await login('viewer@globex.test', 'globex');
    const two = await login('viewer@globex.test', 'globex');
    const result = await send<{ logout: boolean }>(LOGOUT, { token: one.accessToken, variables: { refreshToken: one.refreshToken } });
    expect(dataOf(result).logout).toBe(true);
    await expectRefreshRefused(one.refreshToken);
    await refresh(two.refreshToken);
  });

  it("with someone else's refresh token leaves that session alone", async () => {
    const owner = await login('owner@globex.test', 'globex');
    const viewer = await login('viewer@globex.test', 'globex');
    await send(LOGOUT, { token: viewer.accessToken, variables: { refreshToken: owner.refreshToken } });
    await refresh(owner.refreshToken);
  });

  it("without a token ends every session of the caller in this tenant, and only in this tenant", async () => {
    const acmeOne = await login('multi@tenants.test', 'acme');
    const acmeTwo = await login('multi@tenants.test', 'acme');
    const globex = await login('multi@tenants.test', 'globex');
    const result = await send<{ logout: boolean }>(LOGOUT, { token: acmeOne.accessToken });
    expect(dataOf(result).logout).toBe(true);
    await expectRefreshRefused(acmeOne.refreshToken);
    await expectRefreshRefused(acmeTwo.refreshToken);
    expect((await refresh(globex.refreshToken)).tenant.slug).toBe('globex');
  });

  it('needs an access token', async () => {
    const session = await login('viewer@globex.test', 'globex');
    const result = await refusedWithoutClient(() => send(LOGOUT, { variables: { refreshToken: session.refreshToken } }));
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    await refresh(session.refreshToken);
  });
});
