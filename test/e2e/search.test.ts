import { SEARCH_STATEMENT, searchParameters } from '../../src/modules/search/search-statement.js';
import { typeNameOf } from '../../src/modules/entity/typed-row.js';
import { search } from '../../src/modules/search/search.service.js';
import { scopeToTenant } from '../../src/tenancy/tenant-scope.js';
import { expectError } from '../support/error-assertions.js';
import { type GraphQLResult } from '../support/graphql-client.js';
import { statementCounter } from '../support/statement-counter.js';
import { createTeam, type Team } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * The command palette's `search`: one ranked statement over five tables, limited in the database,
 * scoped to the asking tenant in every branch, served by the trigram indexes.
 */

let fleet: TestFleet;
let team: Team<'viewer' | 'member'>;
let neighbourToken: string;
let globexToken: string;
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

async function hitsOf(token: string, text: string, first?: number): Promise<Hit[]> {
  const result = await as(token, SEARCH, { text, first });
  expect(result.errors).toEqual([]);
  return result.data?.search as Hit[];
}

async function create(token: string, mutation: string, input: Record<string, unknown>): Promise<string> {
  const result = await as(token, mutation, { input });
  expect(result.errors).toEqual([]);
  return (Object.values(result.data ?? {})[0] as { id: string }).id;
}

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';

const TRIGRAM_INDEXES = [
  'accounts_name_trgm_idx',
  'contacts_first_name_trgm_idx', 'contacts_last_name_trgm_idx', 'contacts_email_trgm_idx',
  'leads_first_name_trgm_idx', 'leads_last_name_trgm_idx', 'leads_email_trgm_idx', 'leads_company_trgm_idx',
  'opportunities_name_trgm_idx',
  'events_name_trgm_idx',
];

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  team = await createTeam(fleet, { viewer: 'VIEWER', member: 'MEMBER' });
  const token = team.members.member.accessToken;
  const accountId = await create(token, CREATE_ACCOUNT, { name: 'Harbour' });
  await create(token, CREATE_ACCOUNT, { name: 'Unrelated Bakery' });
  await create(token, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { firstName: 'Hanna', lastName: 'Berg', email: 'hanna@harbourlights.example' });
  await create(token, 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }', { firstName: 'Leo', lastName: 'Lamp', company: 'Old Harbour Cafe' });
  await create(token, 'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', { accountId, name: 'Harbourside gala', amount: '10.00' });
  await create(token, 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { name: 'The harbour festival', accountId });
  // The team's tenant is on the pooled datasource: initech is its neighbour in the same database.
  neighbourToken = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  await create(neighbourToken, CREATE_ACCOUNT, { name: 'Harbour neighbour secret' });
  globexToken = (await fleet.login('owner@globex.test', 'globex')).accessToken;
  await create(globexToken, CREATE_ACCOUNT, { name: 'Harbour globex secret' });
});
afterAll(async () => {
  await fleet?.close();
});

test('finds accounts, contacts, leads, opportunities and events in one list, best match first, closest first within a tier', async () => {
  const hits = await hitsOf(team.members.viewer.accessToken, 'HARBOUR');
  expect(hits.map((hit) => [hit.node.__typename, hit.matched, hit.score])).toEqual([
    ['Account', 'Harbour', 1],
    ['Opportunity', 'Harbourside gala', 0.8],
    ['Lead', 'Old Harbour Cafe', 0.6],
    ['Event', 'The harbour festival', 0.6],
    ['Contact', 'hanna@harbourlights.example', 0.6],
  ]);
});

test('a neighbour on the same pooled database and a tenant on another database each find only their own rows', async () => {
  expect((await hitsOf(neighbourToken, 'harbour')).map((hit) => hit.matched)).toEqual(['Harbour neighbour secret']);
  expect((await hitsOf(globexToken, 'harbour')).map((hit) => hit.matched)).toEqual(['Harbour globex secret']);
  const own = await hitsOf(team.members.viewer.accessToken, 'secret');
  expect(own).toEqual([]);
});

test('ranks before it limits: the best match wins over many weaker ones of the same table', async () => {
  const raw = await fleet.rawDb('acme');
  const tenantId = fleet.tenants.acme.id;
  await raw.prisma.account.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ tenantId, name: `Xlanternx ${i}` })) });
  await raw.prisma.account.create({ data: { tenantId, name: 'Lantern' } });
  const owner = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const hits = await hitsOf(owner, 'lantern', 1);
  expect(hits.map((hit) => [hit.matched, hit.score])).toEqual([['Lantern', 1]]);
});

test('one statement: the ranked search inside its transaction, whatever the number of matches', async () => {
  const token = team.members.viewer.accessToken;
  await hitsOf(token, 'warm');
  const { result, sql } = await counter.during(() => as(token, SEARCH, { text: 'harbour', first: 50 }));
  expect(result.errors).toEqual([]);
  expect(sql).toEqual(['BEGIN', SEARCH_STATEMENT, 'COMMIT']);
  expect(SEARCH_STATEMENT.match(/UNION ALL/g)).toHaveLength(4);
  expect(SEARCH_STATEMENT.match(/WHERE t\.tenant_id = \$1::uuid AND/g)).toHaveLength(5);
});

test('first limits the list; short text and bad limits are BAD_USER_INPUT; LIKE and regex characters are literal', async () => {
  const token = team.members.viewer.accessToken;
  expect((await hitsOf(token, 'harbour', 2)).map((hit) => hit.matched)).toEqual(['Harbour', 'Harbourside gala']);
  expect(await hitsOf(token, 'h%r')).toEqual([]);
  expect(await hitsOf(token, 'a.*(')).toEqual([]);
  expect((await hitsOf(token, '@harb')).map((hit) => hit.matched)).toEqual(['hanna@harbourlights.example']);
  expectError(await as(token, SEARCH, { text: 'ha' }), 'BAD_USER_INPUT', /text must be 3 to 100 characters/);
  expectError(await as(token, SEARCH, { text: 'harbour', first: 0 }), 'BAD_USER_INPUT', /first must be between 1 and 50/);
});

test('each node is the row Prisma reads, money and dates exact', async () => {
  const raw = await fleet.rawDb('globex');
  const tenantId = fleet.tenants.globex.id;
  const account = await raw.prisma.account.create({ data: { tenantId, name: 'Quayside Ltd', annualRevenue: '123456789012.34', employeeCount: 12, country: 'DE' } });
  await raw.prisma.contact.create({ data: { tenantId, firstName: 'Quayle', lastName: 'Moss', email: 'q@quayside.example' } });
  await raw.prisma.lead.create({ data: { tenantId, firstName: 'Ada', lastName: 'Quayson', company: 'Quay Works', score: 40 } });
  await raw.prisma.opportunity.create({ data: { tenantId, accountId: account.id, name: 'Quayside launch', amount: '0.10', expectedCloseDate: new Date('2027-05-31T00:00:00Z') } });
  await raw.prisma.event.create({ data: { tenantId, accountId: account.id, name: 'Quayside summit', budget: '99999.99', expectedAttendees: 300 } });
  const hits = await search(scopeToTenant(raw.prisma, tenantId), tenantId, 'quay', 50);
  expect(hits).toHaveLength(5);
  const delegates: Record<string, { findUnique(args: { where: { id: string } }): Promise<unknown> }> = {
    Account: raw.prisma.account, Contact: raw.prisma.contact, Lead: raw.prisma.lead, Opportunity: raw.prisma.opportunity, Event: raw.prisma.event,
  };
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  expect(hits.map((hit) => typeNameOf(hit.node)).sort()).toEqual(Object.keys(delegates).sort());
  for (const hit of hits) {
    const row = await delegates[typeNameOf(hit.node) ?? '']?.findUnique({ where: { id: (hit.node as { id: string }).id } });
    expect(plain(hit.node)).toEqual(plain(row));
  }
});

test('the statement is served by every trigram index: EXPLAIN on a tenant with 10,000 rows per table, sequential scans off', async () => {
  const raw = await fleet.rawDb('acme');
  const tenantId = fleet.tenants.acme.id;
  const filler = (table: string, columns: string, values: string) =>
    raw.prisma.$executeRawUnsafe(`INSERT INTO ${table} (id, tenant_id, ${columns}, updated_at) SELECT gen_random_uuid(), $1::uuid, ${values}, now() FROM generate_series(1, 10000) AS n`, tenantId);
  await filler('accounts', 'name', `'Filler account ' || n`);
  await filler('contacts', 'first_name, last_name, email', `'First' || n, 'Last' || n, 'f' || n || '@filler.example'`);
  await filler('leads', 'first_name, last_name, email, company', `'Lead' || n, 'Filler' || n, 'l' || n || '@filler.example', 'Filler company ' || n`);
  await filler('opportunities', 'account_id, name, amount', `(SELECT id FROM accounts WHERE tenant_id = $1::uuid LIMIT 1), 'Filler deal ' || n, 1`);
  await filler('events', 'name', `'Filler event ' || n`);
  // VACUUM also merges GIN's pending list, which autovacuum does in production.
  await raw.prisma.$executeRawUnsafe('VACUUM ANALYZE accounts, contacts, leads, opportunities, events');
  const plan = await raw.prisma.$transaction(async (tx) => {
    // With these few rows a sequential scan may cost the same; what is shown is that the indexes serve the statement.
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${SEARCH_STATEMENT}`, ...searchParameters(tenantId, 'harbour', 10));
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
  expect(TRIGRAM_INDEXES.filter((index) => !plan.includes(index))).toEqual([]);
  expect(plan).not.toMatch(/Seq Scan|tenant_id_idx/);
});
