import { createApp, type App } from '../../src/app.js';
import { createControlPlane } from '../../src/control/control-client.js';
import { DEMO_PASSWORD, DEMO_TENANTS, ensureDemoFleet } from '../../src/devdb/demo-fleet.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../support/databases.js';
import { postGraphQL } from '../support/graphql-client.js';
import { testConfig } from '../support/test-config.js';

/**
 * `npm start`'s demo, as its own fleet code builds it (`ensureDemoFleet`: four tenants, dedicated
 * and pooled, seeded), is reachable through every business list, the relations of the events
 * screen, the search and the member list, for each demo tenant's owner.
 */

const LISTS = [
  'accounts', 'contacts', 'leads', 'opportunities', 'locations', 'events', 'eventDates', 'quotes',
  'contracts', 'invoices', 'payments', 'tasks', 'notes', 'attachments', 'communications',
] as const;

const EVERY_LIST = `{ ${LISTS.map((list) => `${list}(first: 3) { totalCount edges { node { id } } }`).join(' ')}
  tenantMembers(first: 10) { totalCount }
  screen: events(first: 50) { edges { node { name dates { edges { node { startsAt } } } location { name } account { name } owner { displayName } } } } }`;

type Connection = { totalCount: number; edges: { node: { id: string } }[] };
interface EventNode {
  name: string;
  dates: { edges: unknown[] };
  location: { name: string } | null;
  account: { name: string } | null;
  owner: { displayName: string } | null;
}

let control: TestDatabase;
let app: App;

beforeAll(async () => {
  control = await createTestDatabase('demo_control');
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  const config = testConfig(control.url);
  const plane = createControlPlane(control.url, 2);
  try {
    await ensureDemoFleet(plane.client, config.keyRing, { adminUrl: databaseUrl('postgres'), urlFor: databaseUrl });
  } finally {
    await plane.close();
  }
  app = await createApp(config);
});
afterAll(async () => {
  await app?.close();
  for (const database of new Set(DEMO_TENANTS.map((tenant) => tenant.database))) {
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
  await control?.drop();
});

async function ownerToken(slug: string): Promise<string> {
  const result = await postGraphQL<{ login: { accessToken: string } }>(
    app.url,
    'mutation($email: String!, $password: String!, $slug: String) { login(email: $email, password: $password, tenantSlug: $slug) { accessToken } }',
    { variables: { email: `owner@${slug}.dev`, password: DEMO_PASSWORD, slug } },
  );
  expect(result.errors).toEqual([]);
  return result.data?.login.accessToken ?? '';
}

test.each(DEMO_TENANTS.map((tenant) => [tenant.slug, tenant.kind]))('%s (%s): every list, the events screen, the search and the members return rows', async (slug) => {
  const token = await ownerToken(slug);
  const result = await postGraphQL<Record<string, unknown>>(app.url, EVERY_LIST, { token });
  expect(result.errors).toEqual([]);
  const data = result.data ?? {};
  const empty = LISTS.filter((list) => {
    const connection = data[list] as Connection;
    return connection.totalCount === 0 || connection.edges.length === 0;
  });
  expect(empty).toEqual([]);
  expect((data.tenantMembers as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(3);

  const events = (data.screen as { edges: { node: EventNode }[] }).edges.map((edge) => edge.node);
  expect(events.some((event) => event.dates.edges.length > 0 && event.location && event.account && event.owner)).toBe(true);

  const account = await postGraphQL<{ accounts: { edges: { node: { id: string; name: string } }[] } }>(app.url, '{ accounts(first: 1) { edges { node { id name } } } }', { token });
  const { id, name } = account.data?.accounts.edges[0]?.node ?? { id: '', name: '' };
  const found = await postGraphQL<{ search: { node: { id?: string } }[] }>(
    app.url,
    'query($text: String!) { search(text: $text, first: 50) { node { ... on Account { id } } } }',
    { token, variables: { text: name.slice(0, 6) } },
  );
  expect(found.errors).toEqual([]);
  expect(found.data?.search.map((hit) => hit.node.id)).toContain(id);
});
