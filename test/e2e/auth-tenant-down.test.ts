import { seal } from '../../src/crypto/secret-box.js';
import { authRequests, REFRESH, SWITCH_TENANT, type TokenPair } from '../support/auth-requests.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Auth lives on the control plane only: with every tenant database unreachable, login, refresh,
// switchTenant, me and logout still work, and business queries fail fast and say nothing about
// where the databases are. This file breaks its fleet on purpose, so it has a fleet of its own.

const DEAD_URL = 'postgresql://nobody:nothing@127.0.0.1:1/none';
const ME = '{ me { tenant { slug } role } }';
const ACCOUNTS = '{ accounts { totalCount } }';

let fleet: TestFleet;
/** Everything that would tell a client where a tenant database lives, dead or real. */
let locationHints: string[];

const { send, withoutTenantClient, tryLogin } = authRequests(() => fleet);

const login = (email: string, tenantSlug: string) => withoutTenantClient(() => tryLogin(email, tenantSlug)).then((data) => data.login);

beforeAll(async () => {
  fleet = await startTestFleet();
  // Warm one client first, so the test also proves an evicted client is not reused.
  const warm = await fleet.gql(ACCOUNTS, { token: (await fleet.login('owner@acme.test', 'acme')).accessToken });
  expect(warm.errors).toEqual([]);

  const datasourceIds = [...new Set(Object.values(fleet.tenants).map((tenant) => tenant.datasourceId))];
  for (const id of datasourceIds) {
    await fleet.app.control.client.datasource.update({ where: { id }, data: { encryptedUrl: seal(fleet.config.keyRing.active, DEAD_URL, id) } });
  }
  fleet.app.registry.clear();
  for (const id of datasourceIds) {
    fleet.app.pool.evictDatasource(id);
  }
  const real = new URL(fleet.tenants.acme.url);
  locationHints = [DEAD_URL, 'postgresql://', 'nobody', 'nothing', '127.0.0.1', ':1/', real.host, real.password, real.username, fleet.tenants.acme.url].filter((hint) => hint.length > 0);
});
afterAll(async () => {
  await fleet?.close();
});

describe('with every tenant database unreachable', () => {
  it('login, me, refresh, switchTenant and logout still work', async () => {
    const owner = await login('owner@acme.test', 'acme');
    expect(owner.tenant.slug).toBe('acme');
    expect((await withoutTenantClient(() => send<{ me: { tenant: { slug: string } } }>(ME, { token: owner.accessToken }))).me.tenant.slug).toBe('acme');

    const refreshed = (await withoutTenantClient(() => send<{ refresh: TokenPair }>(REFRESH, { variables: { refreshToken: owner.refreshToken } }))).refresh;
    expect(refreshed.tenant.slug).toBe('acme');
    expect((await withoutTenantClient(() => send<{ me: { role: string } }>(ME, { token: refreshed.accessToken }))).me.role).toBe('OWNER');

    const multi = await login('multi@tenants.test', 'acme');
    const switched = (await withoutTenantClient(() => send<{ switchTenant: TokenPair }>(SWITCH_TENANT, { token: multi.accessToken, variables: { tenantSlug: 'globex' } }))).switchTenant;
    expect(switched.tenant.slug).toBe('globex');

    const others = [['owner@globex.test', 'globex'], ['viewer@initech.test', 'initech'], ['owner@umbrella.test', 'umbrella']] as const;
    for (const [email, slug] of others) {
      expect((await login(email, slug)).tenant.slug).toBe(slug);
    }
    const logout = await withoutTenantClient(() => send<{ logout: boolean }>('mutation { logout }', { token: refreshed.accessToken }));
    expect(logout.logout).toBe(true);
  });

  it.each(['acme', 'globex', 'initech', 'umbrella'] as const)(
    'answers a business query of %s with TENANT_UNAVAILABLE that names no host, user or password',
    async (slug) => {
      const { accessToken } = await login(`owner@${slug}.test`, slug);
      const failuresBefore = fleet.app.pool.stats().buildFailures;
      const result = await send(ACCOUNTS, { token: accessToken });
      expect(codesOf(result)).toEqual(['TENANT_UNAVAILABLE']);
      expect(result.data).toBeNull();
      // A build was tried against the dead address: the warm acme client was not served from cache.
      expect(fleet.app.pool.stats().buildFailures).toBeGreaterThan(failuresBefore);
      for (const hint of locationHints) {
        expect(result.raw).not.toContain(hint);
      }
    },
  );
});
