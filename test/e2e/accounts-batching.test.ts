import { randomUUID } from 'node:crypto';
import { statementCounter } from '../support/statement-counter.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * Relation fields are batched per request: the number of SQL statements the gateway sends to the
 * tenant database for a page of accounts with nested contacts must not grow with the page size.
 * Statements are counted at the datasource's pool (see statement-counter.ts).
 */

const ACCOUNTS_WITH_RELATIONS = `query($first: Int!) {
  accounts(first: $first) {
    totalCount
    edges { node { id contacts { edges { node { id accounts { edges { node { id } } } } } } contactLinks { edges { node { role } } } } }
  }
}`;

type Nodes<T> = { edges: { node: T }[] };

interface Counted {
  accounts: { totalCount: number } & Nodes<{ id: string; contacts: Nodes<{ id: string; accounts: Nodes<{ id: string }> }>; contactLinks: Nodes<{ role: string | null }> }>;
}

const nodes = <T>(connection: Nodes<T>): T[] => connection.edges.map((edge) => edge.node);

let fleet: TestFleet | undefined;
let token: string;
const counter = statementCounter();

/** Runs one request and returns the SQL statements it sent to tenant databases. */
async function statementsOf(first: number): Promise<{ result: Counted; sql: string[] }> {
  if (!fleet) {
    throw new Error('no fleet');
  }
  const started = fleet;
  const { result: response, sql } = await counter.during(() => started.gql<Counted>(ACCOUNTS_WITH_RELATIONS, { variables: { first }, token }));
  expect(response.errors).toEqual([]);
  if (!response.data) {
    throw new Error('no data');
  }
  return { result: response.data, sql };
}

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  token = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const tenantId = fleet.tenants.acme.id;
  const raw = await fleet.rawDb('acme');
  const accounts = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), tenantId, name: `Batch Account ${String(i).padStart(2, '0')}` }));
  const contacts = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), tenantId, firstName: 'Batch', lastName: `Contact ${i}` }));
  await raw.prisma.account.createMany({ data: accounts });
  await raw.prisma.contact.createMany({ data: contacts });
  // Account i has contacts i and i+1; so every contact belongs to two accounts.
  const links = accounts.flatMap((account, i) => [
    { tenantId, accountId: account.id, contactId: contacts[i]?.id ?? '', isPrimary: true, role: 'Buyer' },
    { tenantId, accountId: account.id, contactId: contacts[(i + 1) % 20]?.id ?? '', role: 'Billing' },
  ]);
  await raw.prisma.accountContact.createMany({ data: links });
  await statementsOf(1); // warm the tenant client so its connection check is not counted
});
afterAll(async () => {
  await fleet?.close();
});

test('a page of 20 accounts with contacts, their accounts and links costs a small constant number of tenant queries', async () => {
  const { result, sql } = await statementsOf(20);
  expect(result.accounts.totalCount).toBe(20);
  expect(result.accounts.edges).toHaveLength(20);
  for (const { node } of result.accounts.edges) {
    expect(nodes(node.contacts)).toHaveLength(2);
    expect(nodes(node.contactLinks).map((link) => link.role).sort()).toEqual(['Billing', 'Buyer']);
    for (const contact of nodes(node.contacts)) {
      expect(nodes(contact.accounts)).toHaveLength(2);
    }
    expect(nodes(node.contacts).flatMap((contact) => nodes(contact.accounts).map((account) => account.id))).toContain(node.id);
  }
  // page + count + contacts through links + links + accounts of those contacts through links: one statement each
  expect(sql).toHaveLength(5);
  expect(sql.filter((statement) => /account_contacts/.test(statement))).toHaveLength(3);
});

test('the number of tenant queries does not grow with the page size', async () => {
  const small = await statementsOf(3);
  const large = await statementsOf(20);
  expect(small.result.accounts.edges).toHaveLength(3);
  expect(large.sql.length).toBe(small.sql.length);
});
