import { open } from '../../src/crypto/secret-box.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { openDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { entityRegistry } from '../../src/modules/resolvers.js';
import { createEntityRow, createWorld } from '../support/entity-fixtures.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

const ACCOUNT_NAMES = `{ accounts(first: 100) { totalCount edges { node { id name } } } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { id name } }`;

interface Planted {
  acmeHome: string;
  trapInGlobex: string;
  globexHome: string;
  /** One trap row of every registered entity in globex's database, carrying acme's tenant id. */
  entityTraps: { one: string; many: string; id: string }[];
}

/**
 * Creates one row of every registered entity as globex (through the API, so the rows are valid),
 * then rewrites their tenant id to acme's behind the gateway: a gateway that sent acme's queries
 * to globex's database would show them.
 */
async function plantEntityTraps(fleet: TestFleet, keep: string): Promise<Planted['entityTraps']> {
  const { accessToken } = await fleet.login('owner@globex.test', 'globex');
  const world = await createWorld(fleet.gql, accessToken);
  const traps: Planted['entityTraps'] = [];
  for (const entity of entityRegistry) {
    const { row } = await createEntityRow(fleet.gql, accessToken, entity.typeName, world);
    traps.push({ one: entity.one, many: entity.many, id: row.id });
  }
  const globex = await fleet.rawDb('globex');
  const tables = (await globex.prisma.$queryRawUnsafe(
    `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'tenant_id'
       AND table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id')`,
  )) as { name: string }[];
  await globex.prisma.$transaction(async (tx) => {
    // Same-tenant triggers would refuse the half-moved graph; the rows move together.
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    for (const { name } of tables) {
      await tx.$executeRawUnsafe(`UPDATE "${name}" SET tenant_id = $1::uuid WHERE tenant_id = $2::uuid AND id <> $3::uuid`, fleet.tenants.acme.id, fleet.tenants.globex.id, keep);
    }
  });
  return traps;
}

/** Rows written behind the gateway: acme's own row, and acme's tenant id planted in globex's database. */
async function plantRoutingRows(fleet: TestFleet): Promise<Planted> {
  const acme = await fleet.rawDb('acme');
  const globex = await fleet.rawDb('globex');
  const acmeHome = await acme.prisma.account.create({ data: { tenantId: fleet.tenants.acme.id, name: 'Acme home row' } });
  const trap = await globex.prisma.account.create({ data: { tenantId: fleet.tenants.acme.id, name: 'TRAP acme id in globex database' } });
  const globexHome = await globex.prisma.account.create({ data: { tenantId: fleet.tenants.globex.id, name: 'Globex home row' } });
  const entityTraps = await plantEntityTraps(fleet, globexHome.id);
  return { acmeHome: acmeHome.id, trapInGlobex: trap.id, globexHome: globexHome.id, entityTraps };
}

/** The operations (`events`, `event`, …) through which acme saw an entity trap planted in globex's database. */
async function leakedEntityTraps(fleet: TestFleet, planted: Planted, token: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const entity of planted.entityTraps) {
    const listed = await fleet.gql<Record<string, { edges: { node: { id: string } }[] }>>(`{ ${entity.many}(first: 100) { edges { node { id } } } }`, { token });
    expect(listed.errors).toEqual([]);
    if (listed.data?.[entity.many]?.edges.some((edge) => edge.node.id === entity.id)) {
      leaks.push(entity.many);
    }
    const byId = await fleet.gql(`query($id: ID!) { ${entity.one}(id: $id) { id } }`, { token, variables: { id: entity.id } });
    if (codesOf(byId)[0] !== 'NOT_FOUND') {
      leaks.push(entity.one);
    }
  }
  return leaks;
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
  expect(await leakedEntityTraps(fleet, planted, accessToken)).toEqual([]);
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

  test('the entity trap of every registered entity is caught, by its list and by id', async () => {
    const { accessToken } = await fleet.login('owner@acme.test', 'acme');
    const everyOperation = planted.entityTraps.flatMap((entity) => [entity.many, entity.one]);
    expect(await leakedEntityTraps(fleet, planted, accessToken)).toEqual(everyOperation);
  });
});
