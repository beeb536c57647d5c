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
    edges { node { id contacts { id accounts { id } } contactLinks { role } } }
  }
}`;

interface Counted {
  accounts: { totalCount: number; edges: { node: { id: string; contacts: { id: string; accounts: { id: string }[] }[]; contactLinks: { role: string | null }[] } }[] };
}

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
    expect(node.contacts).toHaveLength(2);
    expect(node.contactLinks.map((link) => link.role)).toEqual(['Buyer', 'Billing']);
    for (const contact of node.contacts) {
      expect(contact.accounts).toHaveLength(2);
    }
    expect(node.contacts.flatMap((contact) => contact.accounts.map((account) => account.id))).toContain(node.id);
  }
  // page + count + links-by-account (+ its contacts) + links-by-contact (+ their accounts)
  expect(sql.length).toBeGreaterThan(0);
  expect(sql.length).toBeLessThanOrEqual(6);
  expect(sql.filter((statement) => /account_contacts/.test(statement)).length).toBeLessThanOrEqual(2);
});

test('the number of tenant queries does not grow with the page size', async () => {
  const small = await statementsOf(3);
  const large = await statementsOf(20);
  expect(small.result.accounts.edges).toHaveLength(3);
  expect(large.sql.length).toBe(small.sql.length);
});
