import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { createLogger } from '../../src/logging/logger.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { type DatasourceConnection } from '../../src/tenancy/tenant-client-factory.js';
import { DatasourceBreakers } from '../../src/tenancy/datasource-breaker.js';
import { createDatasourceConnector } from '../../src/tenancy/tenant-connections.js';
import { type GraphQLResult } from '../support/graphql-client.js';
import { createTeam } from '../support/teams.js';
import { startTestFleet, type TenantSlug, type TestFleet } from '../support/test-fleet.js';
import { misplacedWrites, plantTrappedTenant, type TrapDatabase, type TrappedTenant } from '../support/trap-rows.js';

/**
 * The HTTP version of `test/tenancy/shared-runtime-isolation.test.ts`: many concurrent GraphQL
 * requests from tenants on different databases and from pooled neighbours, against trap rows (in
 * every other database each tenant has rows with its own tenant id and the ids of its home rows).
 *
 * Requests of different tenants meet in one tick when they wait on something that settles at once;
 * a cold gateway under a burst is that case: every request waits for its datasource to open. The
 * gateway here opens datasources with the product's own connector, but holds each opened datasource
 * until every request of the burst is waiting on one, then hands them all over together, so every
 * resolver's `findUnique` runs in the same tick, every time.
 */

const COPIES = 3;
const OPERATIONS = 6;

interface Tenant extends TrappedTenant {
  token: string;
}

/** Holds opened datasources until `expected` requests wait on them, then hands them all over in one go. */
class BurstGate {
  private waiting = 0;
  private expected = Number.POSITIVE_INFINITY;
  private readonly openings: Promise<unknown>[] = [];
  private readonly held: Array<() => void> = [];
  private released: () => void = () => undefined;

  /** The next `expected` requests for tenant data wait for each other; resolves once they are let go. */
  arm(expected: number): Promise<void> {
    this.expected = expected;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.waiting} of ${expected} requests reached the tenant pool`)), 30_000);
      this.released = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** A request opens its datasource: the opened datasource is handed over only with all the others. */
  async hold<T>(opening: Promise<T>): Promise<T> {
    this.openings.push(opening);
    const gate = new Promise<void>((resolve) => this.held.push(resolve));
    this.arrived();
    await gate;
    return opening;
  }

  /** A request found its datasource already being opened, so it waits on that opening. */
  arrived(): void {
    this.waiting += 1;
    if (this.waiting === this.expected) {
      void Promise.allSettled(this.openings).then(() => {
        this.held.splice(0).forEach((release) => release());
        this.released();
      });
    }
  }
}

interface Outcome {
  requests: number;
  errors: string[];
  foreignAnswers: number;
  misplacedWrites: number;
}

function ownName(tenant: Tenant, name: string | undefined): boolean {
  return name === `home:${tenant.tenantId}` || (name?.startsWith(`created:${tenant.tenantId}:`) ?? false);
}

/** One tenant's share of the burst: each request resolves to whether its answer was the tenant's own. */
function tenantRequests(fleet: TestFleet, tenant: Tenant, copy: number): Array<Promise<GraphQLResult<Record<string, unknown>> & { own: boolean }>> {
  const contactId = tenant.contactIds[copy] as string;
  const ask = <T extends Record<string, unknown>>(query: string, variables: Record<string, unknown>, own: (data: T) => boolean) =>
    fleet.gql<T>(query, { token: tenant.token, variables }).then((result) => ({ ...result, own: result.data !== null && own(result.data) }));
  return [
    ask<{ account: { name: string } }>('query($id: ID!) { account(id: $id) { name } }', { id: tenant.accountId }, (data) => ownName(tenant, data.account.name)),
    ask<{ contact: { lastName: string } }>('query($id: ID!) { contact(id: $id) { lastName } }', { id: contactId }, (data) => data.contact.lastName === `home:${tenant.tenantId}`),
    ask<{ accounts: { edges: { node: { name: string } }[] } }>('{ accounts(first: 100) { edges { node { name } } } }', {}, (data) =>
      data.accounts.edges.every((edge) => ownName(tenant, edge.node.name)),
    ),
    ask('mutation($name: String!) { createAccount(input: { name: $name }) { id } }', { name: `created:${tenant.tenantId}:${copy}` }, () => true),
    ask<{ updateAccount: { name: string } }>(
      'mutation($id: ID!, $website: String!) { updateAccount(id: $id, input: { website: $website }) { name } }',
      { id: tenant.accountId, website: `https://updated.example/${copy}` },
      (data) => ownName(tenant, data.updateAccount.name),
    ),
    ask(
      'mutation($a: ID!, $c: ID!) { linkContactToAccount(input: { accountId: $a, contactId: $c }) { id } }',
      { a: tenant.accountId, c: contactId },
      () => true,
    ),
  ];
}

/**
 * The fleet's four tenants (acme and globex dedicated, initech and umbrella pooled) and two more
 * pooled neighbours, each signed in as its owner, with home and trap rows planted.
 */
async function signInTrappedTenants(fleet: TestFleet, databases: TrapDatabase[]): Promise<Tenant[]> {
  const members: Array<{ tenantId: string; datasourceId: string; token: string }> = [];
  for (const slug of ['acme', 'globex', 'initech', 'umbrella'] as TenantSlug[]) {
    const { id, datasourceId } = fleet.tenants[slug];
    members.push({ tenantId: id, datasourceId, token: (await fleet.login(`owner@${slug}.test`, slug)).accessToken });
  }
  for (let i = 0; i < 2; i += 1) {
    const team = await createTeam(fleet, { owner: 'OWNER' });
    members.push({ tenantId: team.tenantId, datasourceId: fleet.tenants.initech.datasourceId, token: team.members.owner.accessToken });
  }
  const tenants: Tenant[] = [];
  for (const member of members) {
    const home = databases.find((db) => db.datasourceId === member.datasourceId) as TrapDatabase;
    tenants.push({ ...(await plantTrappedTenant(member.tenantId, home, databases, COPIES)), token: member.token });
  }
  return tenants;
}

/** How the gateway under test is broken on purpose, if at all. */
interface Breakage {
  /** Turns off the batching guard (the `unguardedBatching` seam). */
  unguardedBatching?: boolean;
  /** Opens acme's datasource on globex's database. */
  acmeOnGlobex?: boolean;
}

async function runBurst(breakage: Breakage = {}): Promise<Outcome> {
  const keyRing = createKeyRing(generateEncryptionKey('test-key'), []);
  const gate = new BurstGate();
  const realConnect = createDatasourceConnector({
    keyRing,
    defaultPoolMax: 3,
    connectionBudget: 40,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 15_000,
    idleInTransactionTimeoutMs: 10_000,
    budgetWaitMs: 5_000,
    poolGrowAfterMs: 5,
    // Every statement of the burst goes through its datasource's breaker, as in production.
    breakers: new DatasourceBreakers({ failures: 5, halfOpenAfterMs: 5_000 }),
    logger: createLogger('silent'),
  });
  let target: TestFleet | undefined;
  const misrouted = async (route: TenantRoute): Promise<TenantRoute> => {
    const fleetNow = target as TestFleet;
    return breakage.acmeOnGlobex && route.datasource.id === fleetNow.tenants.acme.datasourceId ? fleetNow.app.registry.resolve(fleetNow.tenants.globex.id) : route;
  };
  const connect = (route: TenantRoute, budget: ConnectionBudget): Promise<DatasourceConnection> =>
    gate.hold(misrouted(route).then((opened) => realConnect(opened, budget)));
  const fleet = await startTestFleet({
    keyRing,
    connect,
    unguardedBatching: breakage.unguardedBatching,
    observer: { datasourceHit: () => gate.arrived() },
  });
  target = fleet;
  try {
    const databases: TrapDatabase[] = await Promise.all(
      (['acme', 'globex', 'initech'] as TenantSlug[]).map(async (slug) => ({ datasourceId: fleet.tenants[slug].datasourceId, raw: await fleet.rawDb(slug) })),
    );
    const tenants = await signInTrappedTenants(fleet, databases);
    for (const db of databases) {
      fleet.app.pool.evictDatasource(db.datasourceId);
    }
    const requests = tenants.length * COPIES * OPERATIONS;
    const allWaiting = gate.arm(requests);
    const burst = tenants.flatMap((tenant) => Array.from({ length: COPIES }, (_, copy) => tenantRequests(fleet, tenant, copy)).flat());
    const [results] = await Promise.all([Promise.all(burst), allWaiting]);
    return {
      requests: results.length,
      errors: results.flatMap((result) => result.errors.map((error) => `${error.extensions?.code}: ${error.message}`)),
      foreignAnswers: results.filter((result) => result.errors.length === 0 && !result.own).length,
      misplacedWrites: await misplacedWrites(databases, tenants),
    };
  } finally {
    await fleet.close();
  }
}

test('a burst of concurrent GraphQL requests from tenants on different databases and pooled neighbours gets only their own rows and writes only to their own database', async () => {
  const outcome = await runBurst();
  expect(outcome.requests).toBe(6 * COPIES * OPERATIONS);
  expect(outcome.errors).toEqual([]);
  expect(outcome.foreignAnswers).toBe(0);
  expect(outcome.misplacedWrites).toBe(0);
});

test('test the test: with the batching guard off, the same burst over HTTP is caught mis-routing', async () => {
  const outcome = await runBurst({ unguardedBatching: true });
  // Every request must still be answered: a mis-routed batch that failed instead would prove nothing.
  expect(outcome.errors).toEqual([]);
  expect(outcome.foreignAnswers + outcome.misplacedWrites).toBeGreaterThan(0);
});

test("test the test: with acme's datasource opened on globex's database, the burst is caught reading traps and writing in the wrong database", async () => {
  const outcome = await runBurst({ acmeOnGlobex: true });
  expect(outcome.foreignAnswers).toBeGreaterThan(0);
  expect(outcome.misplacedWrites).toBeGreaterThan(0);
});
