import { type ClientBuildTimings } from '../../src/tenancy/tenancy-observer.js';
import { startTestFleet, type TenantSlug, type TestFleet } from '../support/test-fleet.js';

const COUNT = '{ accounts { totalCount } }';

describe('cold tenants', () => {
  let fleet: TestFleet;
  const lookups: string[] = [];
  const builds: ClientBuildTimings[] = [];
  beforeAll(async () => {
    fleet = await startTestFleet({
      observer: { routeLookedUp: (tenantId) => lookups.push(tenantId), clientBuilt: (timings) => builds.push(timings) },
    });
  });
  afterAll(async () => {
    await fleet?.close();
  });

  test('100 concurrent first requests for a cold tenant build exactly one client', async () => {
    const { accessToken } = await fleet.login('owner@initech.test', 'initech');
    const before = fleet.app.pool.stats();
    expect(before.builds).toBe(0);
    const results = await Promise.all(Array.from({ length: 100 }, () => fleet.gql(COUNT, { token: accessToken })));
    expect(results.every((result) => result.status === 200 && result.errors.length === 0)).toBe(true);
    const after = fleet.app.pool.stats();
    expect(after.builds).toBe(1);
    expect(after.liveDatasources).toBe(1);
    expect(after.misses + after.hits).toBe(100);
  });

  test('reports the one route lookup and the timed steps of the one build to the observer', () => {
    const initech = fleet.tenants.initech;
    expect(lookups.filter((tenantId) => tenantId === initech.id)).toHaveLength(1);
    expect(builds).toHaveLength(1);
    const [build] = builds as [ClientBuildTimings];
    expect(build).toMatchObject({ tenantId: initech.id, datasourceId: initech.datasourceId });
    expect(build.connectMs).toBeGreaterThan(0);
    expect(build.totalMs).toBeGreaterThanOrEqual(build.decryptMs + build.constructMs + build.connectMs);
  });

  test("a signed-in request looks up its tenant's route alongside the membership check, and one that reads no tenant data opens nothing", async () => {
    const { accessToken } = await fleet.login('owner@globex.test', 'globex');
    const buildsBefore = fleet.app.pool.stats().builds;
    const result = await fleet.gql('{ me { role } }', { token: accessToken });
    expect(result.errors).toEqual([]);
    expect(lookups).toContain(fleet.tenants.globex.id);
    expect(fleet.app.pool.stats().builds).toBe(buildsBefore);
  });

  test('a second tenant on the same pooled datasource reuses its client', async () => {
    const { accessToken } = await fleet.login('owner@umbrella.test', 'umbrella');
    const result = await fleet.gql(COUNT, { token: accessToken });
    expect(result.errors).toEqual([]);
    expect(fleet.app.pool.stats().builds).toBe(1);
  });
});

describe('eviction under load', () => {
  let fleet: TestFleet;
  beforeAll(async () => {
    // One client at most: every request for another datasource retires the one in use.
    fleet = await startTestFleet({ tenancy: { maxClients: 1 } });
  });
  afterAll(async () => {
    await fleet?.close();
  });

  test('never fails an in-flight request', async () => {
    const slugs: TenantSlug[] = ['acme', 'globex', 'initech'];
    const tokens = await Promise.all(slugs.map(async (slug) => (await fleet.login(`owner@${slug}.test`, slug)).accessToken));
    const query = '{ accounts(first: 5) { totalCount edges { node { id contacts { edges { node { id } } } } } } contacts(first: 5) { totalCount } }';
    let stop = false;
    const churn = (async () => {
      while (!stop) {
        fleet.app.pool.evictIdle();
        for (const slug of slugs) {
          fleet.app.pool.evictDatasource(fleet.tenants[slug].datasourceId);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const results = [];
    for (let wave = 0; wave < 6; wave += 1) {
      results.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => fleet.gql(query, { token: tokens[i % tokens.length] })))));
    }
    stop = true;
    await churn;
    const failures = results.filter((result) => result.status !== 200 || result.errors.length > 0);
    expect(failures).toEqual([]);
    const stats = fleet.app.pool.stats();
    expect(stats.evictions).toBeGreaterThan(10);
    expect(stats.builds).toBeGreaterThan(3);
    expect(stats.leasesInUse).toBe(0);
  });
});
