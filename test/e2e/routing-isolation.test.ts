import { open } from '../../src/crypto/secret-box.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { openDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

const ACCOUNT_NAMES = `{ accounts(first: 100) { totalCount edges { node { id name } } } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { id name } }`;

interface Planted {
  acmeHome: string;
  trapInGlobex: string;
  globexHome: string;
}

/** Rows written behind the gateway: acme's own row, and acme's tenant id planted in globex's database. */
async function plantRoutingRows(fleet: TestFleet): Promise<Planted> {
  const acme = await fleet.rawDb('acme');
  const globex = await fleet.rawDb('globex');
  const acmeHome = await acme.prisma.account.create({ data: { tenantId: fleet.tenants.acme.id, name: 'Acme home row' } });
  const trap = await globex.prisma.account.create({ data: { tenantId: fleet.tenants.acme.id, name: 'TRAP acme id in globex database' } });
  const globexHome = await globex.prisma.account.create({ data: { tenantId: fleet.tenants.globex.id, name: 'Globex home row' } });
  return { acmeHome: acmeHome.id, trapInGlobex: trap.id, globexHome: globexHome.id };
}

/** The routing assertions, reused against a deliberately broken gateway below. */
async function expectAcmeRoutedToItsOwnDatabase(fleet: TestFleet, planted: Planted): Promise<void> {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const list = await fleet.gql<{ accounts: { edges: { node: { id: string; name: string } }[] } }>(ACCOUNT_NAMES, { token: accessToken });
  expect(list.errors).toEqual([]);
  const ids = list.data?.accounts.edges.map((edge) => edge.node.id) ?? [];
  expect(ids).toContain(planted.acmeHome);
  expect(ids).not.toContain(planted.trapInGlobex);
  expect(ids).not.toContain(planted.globexHome);
  const trap = await fleet.gql(ACCOUNT, { token: accessToken, variables: { id: planted.trapInGlobex } });
  expect(codesOf(trap)).toEqual(['NOT_FOUND']);
}

describe('tenant routing', () => {
  let fleet: TestFleet;
  let planted: Planted;
  beforeAll(async () => {
    fleet = await startTestFleet();
    planted = await plantRoutingRows(fleet);
  });
  afterAll(async () => {
    await fleet?.close();
  });

  test("a business query for acme is answered from acme's datasource, never from the trap row in globex's", async () => {
    await expectAcmeRoutedToItsOwnDatabase(fleet, planted);
  });

  test("globex sees its own row and not acme's", async () => {
    const { accessToken } = await fleet.login('owner@globex.test', 'globex');
    const list = await fleet.gql<{ accounts: { edges: { node: { id: string } }[] } }>(ACCOUNT_NAMES, { token: accessToken });
    const ids = list.data?.accounts.edges.map((edge) => edge.node.id);
    expect(ids).toEqual([planted.globexHome]);
    expect(codesOf(await fleet.gql(ACCOUNT, { token: accessToken, variables: { id: planted.acmeHome } }))).toEqual(['NOT_FOUND']);
  });
});

describe('test the tests: a gateway whose pool is handed the wrong datasource', () => {
  let fleet: TestFleet;
  let planted: Planted;
  beforeAll(async () => {
    let target: TestFleet | undefined;
    // Broken on purpose: acme's datasource pool is opened on globex's database URL.
    const misroute = async (route: TenantRoute, budget: ConnectionBudget) => {
      const fleetNow = target as TestFleet;
      const url =
        route.tenantId === fleetNow.tenants.acme.id
          ? fleetNow.tenants.globex.url
          : open(fleetNow.config.keyRing, route.datasource.encryptedUrl, route.datasource.id);
      return openDatasource({ url, poolMax: 2, connectTimeoutMs: 5_000, budgetWaitMs: 5_000, budget, applicationName: 'misrouted' });
    };
    fleet = await startTestFleet({ connect: misroute });
    target = fleet;
    planted = await plantRoutingRows(fleet);
  });
  afterAll(async () => {
    await fleet?.close();
  });

  test('the routing assertions fail, so they can catch a mis-route', async () => {
    await expect(expectAcmeRoutedToItsOwnDatabase(fleet, planted)).rejects.toThrow();
  });
});
