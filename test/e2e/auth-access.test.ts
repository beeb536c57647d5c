import {
  ACCOUNTS,
  authRequests,
  CREATE_ACCOUNT,
  ME,
  REFRESH,
  uniqueName,
  type AccountsView,
  type AuthPayloadView,
} from '../support/auth-requests.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Where a request's tenant comes from (the token, never a header), cross-tenant ids, roles, live
// membership and tenant suspension, proved over real HTTP with real tokens.

const ACCOUNT = 'query($id: ID!) { account(id: $id) { id name } }';
const UPDATE_ACCOUNT = 'mutation($id: ID!) { updateAccount(id: $id, input: { name: "hijacked" }) { id name } }';
const DELETE_ACCOUNT = 'mutation($id: ID!) { deleteAccount(id: $id) { id } }';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const { send, refusedWithoutClient, tryLogin, login, createAccount, accountNames } = authRequests(() => fleet);

describe('tenant comes from the token, never from a header', () => {
  let acme: AuthPayloadView;
  beforeAll(async () => {
    acme = await login('owner@acme.test', 'acme');
  });

  it.each<[string, () => Record<string, string>]>([
    ['x-tenant-slug naming globex', () => ({ 'x-tenant-slug': 'globex' })],
    ['x-tenant-id naming globex', () => ({ 'x-tenant-id': fleet.tenants.globex.id })],
    ['a matching slug with a foreign id', () => ({ 'x-tenant-slug': 'acme', 'x-tenant-id': fleet.tenants.globex.id })],
  ])('refuses an acme token with %s as 403 FORBIDDEN, building no client', async (_label, headers) => {
    const result = await refusedWithoutClient(() => send(ACCOUNTS, { token: acme.accessToken, headers: headers() }));
    expect(result.status).toBe(403);
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();
  });

  it('accepts tenant headers that name the token tenant', async () => {
    const matching: Record<string, string>[] = [
      { 'x-tenant-slug': 'acme' },
      { 'x-tenant-id': fleet.tenants.acme.id },
      { 'x-tenant-slug': 'acme', 'x-tenant-id': fleet.tenants.acme.id },
    ];
    for (const headers of matching) {
      const result = await send<AccountsView>(ACCOUNTS, { token: acme.accessToken, headers });
      expect(result.errors).toEqual([]);
      expect(result.status).toBe(200);
    }
  });

  it('refuses a tenant header without a token', async () => {
    const result = await refusedWithoutClient(() => send(ACCOUNTS, { headers: { 'x-tenant-slug': 'acme' } }));
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  });

  it("answers NOT_FOUND when an acme token names a globex account, and leaves it untouched", async () => {
    const globex = await login('owner@globex.test', 'globex');
    const name = uniqueName('Globex private');
    const id = await createAccount(globex.accessToken, name);
    for (const query of [ACCOUNT, UPDATE_ACCOUNT, DELETE_ACCOUNT]) {
      const result = await send(query, { token: acme.accessToken, variables: { id } });
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
      expect(result.data).toBeNull();
    }
    expect(await accountNames(acme.accessToken)).not.toContain(name);
    const still = await send<{ account: { name: string } }>(ACCOUNT, { token: globex.accessToken, variables: { id } });
    expect(still.data?.account.name).toBe(name);
  });

  it('answers NOT_FOUND across two tenants that share one pooled database', async () => {
    const umbrella = await login('owner@umbrella.test', 'umbrella');
    const id = await createAccount(umbrella.accessToken, uniqueName('Umbrella private'));
    const initech = await login('viewer@initech.test', 'initech');
    const result = await send(ACCOUNT, { token: initech.accessToken, variables: { id } });
    expect(codesOf(result)).toEqual(['NOT_FOUND']);
  });
});

describe('roles and live membership', () => {
  it('lets a viewer read but not create; an owner creates', async () => {
    const viewer = await login('viewer@acme.test', 'acme');
    const read = await send<AccountsView>(ACCOUNTS, { token: viewer.accessToken });
    expect(read.errors).toEqual([]);
    const refused = await refusedWithoutClient(() => send(CREATE_ACCOUNT, { token: viewer.accessToken, variables: { name: uniqueName('by viewer') } }));
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();

    const owner = await login('owner@acme.test', 'acme');
    const name = uniqueName('by owner');
    await createAccount(owner.accessToken, name);
    expect(await accountNames(viewer.accessToken)).toContain(name);
  });

  it('refuses the next request of a user whose membership row was deleted', async () => {
    const session = await login('owner@initech.test', 'initech');
    expect((await send<AccountsView>(ACCOUNTS, { token: session.accessToken })).errors).toEqual([]);

    await fleet.app.control.client.membership.delete({
      where: { userId_tenantId: { userId: session.user.id, tenantId: fleet.tenants.initech.id } },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));

    for (const query of [ACCOUNTS, ME]) {
      const result = await refusedWithoutClient(() => send(query, { token: session.accessToken }));
      expect(result.status).toBe(403);
      expect(codesOf(result)).toEqual(['FORBIDDEN']);
    }
    const refreshed = await send(REFRESH, { variables: { refreshToken: session.refreshToken } });
    expect(codesOf(refreshed)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await tryLogin('owner@initech.test', 'initech'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a suspended tenant', () => {
  const setUmbrellaStatus = async (status: 'ACTIVE' | 'SUSPENDED') => {
    await fleet.app.control.client.tenant.update({ where: { id: fleet.tenants.umbrella.id }, data: { status } });
    fleet.app.registry.clear();
  };
  afterAll(async () => {
    await setUmbrellaStatus('ACTIVE');
  });

  it('refuses login, refresh and business queries with FORBIDDEN', async () => {
    const before = await login('owner@umbrella.test', 'umbrella');
    await setUmbrellaStatus('SUSPENDED');

    const loginResult = await tryLogin('owner@umbrella.test', 'umbrella');
    expect(codesOf(loginResult)).toEqual(['FORBIDDEN']);
    expect(loginResult.data).toBeNull();

    for (const [query, variables] of [[ACCOUNTS, {}], [CREATE_ACCOUNT, { name: uniqueName('while suspended') }]] as const) {
      const result = await refusedWithoutClient(() => send(query, { token: before.accessToken, variables }));
      expect(codesOf(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
    }
    const refreshed = await send(REFRESH, { variables: { refreshToken: before.refreshToken } });
    expect(codesOf(refreshed)).toEqual(['FORBIDDEN']);
  });

  // A refused refresh hands the client no successor, so its token must stay unspent: otherwise the
  // client's next refresh, after the tenant is reactivated, looks like token theft and ends the session.
  it('does not spend the refresh token of a refresh it refuses', async () => {
    await setUmbrellaStatus('ACTIVE');
    const session = await login('owner@umbrella.test', 'umbrella');
    await setUmbrellaStatus('SUSPENDED');
    expect(codesOf(await send(REFRESH, { variables: { refreshToken: session.refreshToken } }))).toEqual(['FORBIDDEN']);
    await setUmbrellaStatus('ACTIVE');

    const resumed = await send<{ refresh: { accessToken: string } }>(REFRESH, { variables: { refreshToken: session.refreshToken } });
    expect(resumed.errors).toEqual([]);
    expect(resumed.data?.refresh.accessToken).toEqual(expect.any(String));
  });
});
