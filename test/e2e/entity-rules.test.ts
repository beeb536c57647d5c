import { expectError } from '../support/error-assertions.js';
import { type GraphQLResult } from '../support/graphql-client.js';
import { createTeam, type Team } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** Keyset paging over a nullable column in both directions, and field validation naming the field. */

let fleet: TestFleet;
let team: Team<'owner'>;
let accountId: string;

function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  return fleet.gql<T>(query, { token: team.members.owner.accessToken, variables });
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(query, variables);
  expect(result.errors).toEqual([]);
  return result.data as T;
}

beforeAll(async () => {
  fleet = await startTestFleet();
  team = await createTeam(fleet, { owner: 'OWNER' });
  accountId = (await ok<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Rules Co" }) { id } }')).createAccount.id;
});
afterAll(async () => {
  await fleet?.close();
});

describe('paging ordered by a nullable column (opportunity expectedCloseDate)', () => {
  const dates = ['2027-01-05', null, '2027-01-05', '2027-02-01', null, '2026-12-31', '2027-01-05', null, '2027-03-15', null, '2027-02-01'];
  const rows: { id: string; date: string | null }[] = [];

  beforeAll(async () => {
    for (const [index, date] of dates.entries()) {
      const created = await ok<{ createOpportunity: { id: string } }>(
        'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }',
        { input: { accountId, name: `Deal ${index}`, amount: '10.00', expectedCloseDate: date ? `${date}T00:00:00.000Z` : null } },
      );
      rows.push({ id: created.createOpportunity.id, date });
    }
  });

  /** NULLs last in both directions; ties by id in the sort direction. */
  function expected(direction: 'ASC' | 'DESC'): string[] {
    const sign = direction === 'ASC' ? 1 : -1;
    return [...rows]
      .sort((a, b) => {
        if (a.date === null || b.date === null) {
          return a.date === b.date ? sign * a.id.localeCompare(b.id) : a.date === null ? 1 : -1;
        }
        return a.date === b.date ? sign * a.id.localeCompare(b.id) : sign * a.date.localeCompare(b.date);
      })
      .map((row) => row.id);
  }

  test.each(['ASC', 'DESC'] as const)('%s: pages of 2 return every row once, NULLs last, across page boundaries', async (direction) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const data: { opportunities: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(
        `query($after: String, $orderBy: OpportunityOrder) {
          opportunities(first: 2, after: $after, orderBy: $orderBy) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
        }`,
        { after, orderBy: { field: 'EXPECTED_CLOSE_DATE', direction } },
      );
      expect(data.opportunities.totalCount).toBe(dates.length);
      seen.push(...data.opportunities.edges.map((edge) => edge.node.id));
      if (!data.opportunities.pageInfo.hasNextPage) {
        break;
      }
      after = data.opportunities.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected(direction));
  });
});

test('CONFLICT holds under a race: of five devices updating from the same read, exactly one wins', async () => {
  const created = await ok<{ createTask: { id: string; updatedAt: string } }>('mutation { createTask(input: { title: "Race" }) { id updatedAt } }');
  const { id, updatedAt } = created.createTask;
  const results = await Promise.all(
    ['a', 'b', 'c', 'd', 'e'].map((device) =>
      gql('mutation($id: ID!, $at: DateTimeISO, $title: String) { updateTask(id: $id, expectedUpdatedAt: $at, input: { title: $title }) { title } }', {
        id,
        at: updatedAt,
        title: `from ${device}`,
      }),
    ),
  );
  const codes = results.map((result) => result.errors[0]?.extensions?.code ?? 'OK');
  expect(codes.sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  const winner = results.find((result) => result.errors.length === 0)?.data as { updateTask: { title: string } };
  const stored = await ok<{ task: { title: string } }>('query($id: ID!) { task(id: $id) { title } }', { id });
  expect(stored.task.title).toBe(winner.updateTask.title);
});

describe('validation: BAD_USER_INPUT naming the field', () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ['an email', 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }', { firstName: 'A', lastName: 'B', email: 'not-an-email' }, /email must be a valid email address/],
    ['a phone number', 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { firstName: 'A', lastName: 'B', phone: 'call me' }, /phone must be a phone number such as \+49 30 1234567/],
    ['a URL', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { name: 'X', website: 'not a url' }, /website must be a URL/],
    ['a currency', 'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', { accountId: '00000000-0000-4000-8000-000000000000', name: 'X', amount: '1.00', currency: 'euro' }, /currency must be an ISO 4217/],
    ['a negative amount', 'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }', { accountId: '00000000-0000-4000-8000-000000000000', number: 'N-1', amount: '-5.00' }, /amount must not be negative/],
    ['a string length', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { name: 'x'.repeat(201) }, /name must be 1 to 200 characters/],
    ['a row of this tenant', 'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', { accountId: '00000000-0000-4000-8000-000000000000', name: 'X', amount: '1.00' }, /accountId must be the id of an account of this tenant/],
  ];

  test.each(cases)('%s', async (_label, mutation, input, message) => {
    expectError(await gql(mutation, { input }), 'BAD_USER_INPUT', message);
  });

  test('an event date that ends before it starts, on create and on update', async () => {
    const event = await ok<{ createEvent: { id: string } }>('mutation { createEvent(input: { name: "Dated" }) { id } }');
    const create = 'mutation($input: CreateEventDateInput!) { createEventDate(input: $input) { id } }';
    const backwards = { eventId: event.createEvent.id, startsAt: '2027-05-02T10:00:00.000Z', endsAt: '2027-05-02T09:00:00.000Z' };
    expectError(await gql(create, { input: backwards }), 'BAD_USER_INPUT', /endsAt must not be before startsAt/);
    const made = await ok<{ createEventDate: { id: string } }>(create, { input: { ...backwards, endsAt: '2027-05-02T11:00:00.000Z' } });
    const update = 'mutation($id: ID!) { updateEventDate(id: $id, input: { startsAt: "2027-05-02T12:00:00.000Z" }) { id } }';
    expectError(await gql(update, { id: made.createEventDate.id }), 'BAD_USER_INPUT', /endsAt must not be before startsAt/);
  });

  test('a contract that ends before it begins', async () => {
    expectError(
      await gql('mutation($a: ID!) { createContract(input: { accountId: $a, number: "C-1", value: "1.00", startsOn: "2027-02-01T00:00:00.000Z", endsOn: "2027-01-01T00:00:00.000Z" }) { id } }', { a: accountId }),
      'BAD_USER_INPUT',
      /endsOn must not be before startsOn/,
    );
  });

  test('a required field cannot be cleared with null', async () => {
    expectError(await gql('mutation($id: ID!) { updateAccount(id: $id, input: { name: null }) { id } }', { id: accountId }), 'BAD_USER_INPUT', /name cannot be cleared/);
  });
});
