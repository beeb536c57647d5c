import { randomUUID } from 'node:crypto';
import { expectError } from '../support/error-assertions.js';
import { type GraphQLResult } from '../support/graphql-client.js';
import { statementCounter } from '../support/statement-counter.js';
import { createTeam, type Team } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** The command palette's `search`: one ranked union list, tenant-scoped, served by trigram indexes. */

let fleet: TestFleet;
let team: Team<'viewer' | 'member'>;
const counter = statementCounter();

const SEARCH = `query($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    score matched
    node { __typename ... on Account { id name } ... on Contact { id email } ... on Lead { id company } ... on Opportunity { id name } ... on Event { id name } }
  }
}`;

interface Hit {
  score: number;
  matched: string;
  node: { __typename: string; id: string };
}

function as(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<Record<string, unknown>>> {
  return fleet.gql(query, { token, variables });
}

async function create(token: string, mutation: string, input: Record<string, unknown>): Promise<string> {
  const result = await as(token, mutation, { input });
  expect(result.errors).toEqual([]);
  return (Object.values(result.data ?? {})[0] as { id: string }).id;
}

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  team = await createTeam(fleet, { viewer: 'VIEWER', member: 'MEMBER' });
  const token = team.members.member.accessToken;
  const accountId = await create(token, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { name: 'Harbour' });
  await create(token, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { name: 'Unrelated Bakery' });
  await create(token, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { firstName: 'Hanna', lastName: 'Berg', email: 'hanna@harbourlights.example' });
  await create(token, 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }', { firstName: 'Leo', lastName: 'Lamp', company: 'Old Harbour Cafe' });
  await create(token, 'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', { accountId, name: 'Harbourside gala', amount: '10.00' });
  await create(token, 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { name: 'The harbour festival', accountId });
  const neighbour = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  await create(neighbour, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { name: 'Harbour neighbour secret' });
});
afterAll(async () => {
  await fleet?.close();
});

test('finds accounts, contacts, leads, opportunities and events in one list, best match first, and only this tenant’s', async () => {
  const result = await as(team.members.viewer.accessToken, SEARCH, { text: 'HARBOUR' });
  expect(result.errors).toEqual([]);
  const hits = result.data?.search as Hit[];
  expect(hits.map((hit) => [hit.node.__typename, hit.matched, hit.score])).toEqual([
    ['Account', 'Harbour', 1],
    ['Opportunity', 'Harbourside gala', 0.8],
    ['Lead', 'Old Harbour Cafe', 0.6],
    ['Event', 'The harbour festival', 0.6],
    ['Contact', 'hanna@harbourlights.example', 0.6],
  ].sort((a, b) => Number(b[2]) - Number(a[2]) || String(a[1]).localeCompare(String(b[1]))));
});

test('one round: one statement per searched model, whatever the number of matches', async () => {
  const token = team.members.viewer.accessToken;
  await as(token, SEARCH, { text: 'warm' });
  const { result, sql } = await counter.during(() => as(token, SEARCH, { text: 'harbour', first: 50 }));
  expect(result.errors).toEqual([]);
  expect(sql).toHaveLength(5);
  expect(sql.map((statement) => /FROM "public"\."(\w+)"/.exec(statement)?.[1]).sort()).toEqual(['accounts', 'contacts', 'events', 'leads', 'opportunities']);
});

test('first limits the list; short text and bad limits are BAD_USER_INPUT', async () => {
  const limited = await as(team.members.viewer.accessToken, SEARCH, { text: 'harbour', first: 2 });
  expect((limited.data?.search as Hit[]).map((hit) => hit.matched)).toEqual(['Harbour', 'Harbourside gala']);
  expectError(await as(team.members.viewer.accessToken, SEARCH, { text: 'ha' }), 'BAD_USER_INPUT', /text must be 3 to 100 characters/);
  expectError(await as(team.members.viewer.accessToken, SEARCH, { text: 'harbour', first: 0 }), 'BAD_USER_INPUT', /first must be between 1 and 50/);
});

test('the substring match the search sends is served by the trigram indexes, not a scan', async () => {
  const raw = await fleet.rawDb('acme');
  const tenantId = fleet.tenants.acme.id;
  const rows = Array.from({ length: 12_000 }, (_, i) => ({ id: randomUUID(), tenantId, name: `Filler account ${i}`, firstName: `First${i}`, lastName: `Last${i}` }));
  await raw.prisma.account.createMany({ data: rows.map(({ id, name }) => ({ id, tenantId, name })) });
  await raw.prisma.contact.createMany({ data: rows.map(({ firstName, lastName }) => ({ tenantId, firstName, lastName, email: `${firstName}@filler.example` })) });
  // VACUUM also merges GIN's pending list, which autovacuum does in production.
  await raw.prisma.$executeRawUnsafe('VACUUM ANALYZE accounts, contacts');
  const plan = async (sql: string) =>
    ((await raw.prisma.$queryRawUnsafe(`EXPLAIN ${sql}`, tenantId)) as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN']).join('\n');
  expect(await plan(`SELECT id FROM accounts WHERE name ILIKE '%harbour%' AND tenant_id = $1::uuid LIMIT 10`)).toMatch(/accounts_name_trgm_idx/);
  const contacts = await plan(
    `SELECT id FROM contacts WHERE (first_name ILIKE '%harbour%' OR last_name ILIKE '%harbour%' OR email ILIKE '%harbour%') AND tenant_id = $1::uuid LIMIT 10`,
  );
  expect(contacts).toMatch(/contacts_email_trgm_idx/);
  expect(contacts).not.toMatch(/Seq Scan/);
});
