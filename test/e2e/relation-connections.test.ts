import { randomUUID } from 'node:crypto';
import { expectError } from '../support/error-assertions.js';
import { statementCounter } from '../support/statement-counter.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * Has-many relations are Relay connections: each parent gets its own page (`first`, `after`,
 * `filter`, `orderBy`), limited in the database, read for a whole page of parents with one tenant
 * statement per relation, and counted only when `totalCount` is selected. On a pooled database a
 * neighbour's rows never appear in a relation page, even rows planted with the triggers off.
 */

type Page<T> = { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount?: number };

let fleet: TestFleet;
let token: string;
const counter = statementCounter();
const accounts: string[] = [];
let keyAccount: string;
const communications: { id: string; occurredAt: Date; channel: 'EMAIL' | 'CALL' }[] = [];

async function ok<T>(query: string, variables: Record<string, unknown> = {}, accessToken = token): Promise<{ data: T; sql: string[] }> {
  const { result, sql } = await counter.during(() => fleet.gql<T>(query, { variables, token: accessToken }));
  expect(result.errors).toEqual([]);
  return { data: result.data as T, sql };
}

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  token = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const tenantId = fleet.tenants.acme.id;
  const raw = await fleet.rawDb('acme');
  for (let i = 0; i < 50; i += 1) {
    accounts.push(randomUUID());
  }
  keyAccount = accounts[0] ?? '';
  await raw.prisma.account.createMany({ data: accounts.map((id, i) => ({ id, tenantId, name: `Relation Account ${String(i).padStart(2, '0')}` })) });
  await raw.prisma.invoice.createMany({
    data: accounts.flatMap((accountId, a) =>
      Array.from({ length: 7 }, (_, i) => ({ tenantId, accountId, number: `REL-${a}-${i}`, amount: '10.00', dueOn: new Date(Date.UTC(2027, 0, 1 + i)) })),
    ),
  });
  for (let i = 0; i < 30; i += 1) {
    communications.push({ id: randomUUID(), occurredAt: new Date(Date.UTC(2026, 5, 1, 0, i)), channel: i % 3 === 0 ? 'CALL' : 'EMAIL' });
  }
  await raw.prisma.communication.createMany({
    data: communications.map((row) => ({ ...row, tenantId, accountId: keyAccount, direction: 'OUTBOUND' as const, subject: `Subject ${row.id.slice(0, 4)}` })),
  });
  await raw.prisma.attachment.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      tenantId,
      subjectType: 'accounts',
      subjectId: keyAccount,
      fileName: `file-${String(i).padStart(2, '0')}.${i % 2 ? 'pdf' : 'png'}`,
      contentType: i % 2 ? 'application/pdf' : 'image/png',
      sizeBytes: BigInt(1000 + i),
      storageKey: `k/${i}`,
    })),
  });
  const contacts = ['Adams', 'Baker', 'Clark'].map((lastName) => ({ id: randomUUID(), tenantId, firstName: 'Rel', lastName }));
  await raw.prisma.contact.createMany({ data: contacts });
  await raw.prisma.accountContact.createMany({ data: contacts.map((contact, i) => ({ tenantId, accountId: keyAccount, contactId: contact.id, isPrimary: i === 1 })) });
  await ok('{ accounts(first: 1) { edges { node { id } } } }'); // warm the datasource so its connection check is not counted
});
afterAll(async () => {
  await fleet?.close();
});

describe('a page of parents with a relation page each', () => {
  const PAGE = `query($withCount: Boolean!) {
    accounts(first: 50, orderBy: { field: NAME }) { edges { node { id invoices(first: 5, orderBy: { field: NUMBER }) {
      edges { node { id number } } pageInfo { hasNextPage } totalCount @include(if: $withCount) } } } }
  }`;
  type Data = { accounts: { edges: { node: { id: string; invoices: Page<{ number: string }> } }[] } };

  test('is one tenant statement for the relation, limited per parent in the database, with no count unless selected', async () => {
    const { data, sql } = await ok<Data>(PAGE, { withCount: false });
    expect(data.accounts.edges).toHaveLength(50);
    for (const { node } of data.accounts.edges) {
      expect(node.invoices.edges).toHaveLength(5);
      expect(node.invoices.pageInfo.hasNextPage).toBe(true);
      expect(node.invoices.totalCount).toBeUndefined();
    }
    expect(data.accounts.edges[3]?.node.invoices.edges.map((edge) => edge.node.number)).toEqual(['REL-3-0', 'REL-3-1', 'REL-3-2', 'REL-3-3', 'REL-3-4']);
    // the accounts page, and the invoices of all fifty accounts
    expect(sql).toHaveLength(2);
    const relation = sql.find((statement) => /"invoices"/.test(statement)) ?? '';
    expect(relation).toMatch(/LATERAL/);
    expect(relation).toMatch(/LIMIT/);
    expect(sql.filter((statement) => /COUNT\(/i.test(statement))).toEqual([]);
  });

  test('counts each parent’s children in the same statement when totalCount is selected', async () => {
    const { data, sql } = await ok<Data>(PAGE, { withCount: true });
    expect(data.accounts.edges.every(({ node }) => node.invoices.totalCount === 7)).toBe(true);
    expect(sql).toHaveLength(2);
    expect(sql.filter((statement) => /COUNT\(/i.test(statement))).toHaveLength(1);
  });
});

describe('one parent’s relation, page by page', () => {
  const COMMUNICATIONS = `query($id: ID!, $first: Int, $after: String, $filter: CommunicationFilter, $orderBy: CommunicationOrder) {
    account(id: $id) { communications(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id channel occurredAt } } pageInfo { hasNextPage endCursor } totalCount } }
  }`;
  type Data = { account: { communications: Page<{ id: string; channel: string; occurredAt: string }> } };

  test('walks every row newest first by default, without overlap, and counts them all', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      const response: { data: Data } = await ok<Data>(COMMUNICATIONS, { id: keyAccount, first: 10, after });
      const connection: Data['account']['communications'] = response.data.account.communications;
      expect(connection.totalCount).toBe(30);
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = connection.pageInfo.endCursor;
      if (!connection.pageInfo.hasNextPage) {
        break;
      }
    }
    const newestFirst = [...communications].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).map((row) => row.id);
    expect(seen).toEqual(newestFirst);
  });

  test('takes the child list’s own filter and order', async () => {
    const { data } = await ok<Data>(COMMUNICATIONS, { id: keyAccount, first: 100, filter: { channel: 'CALL' }, orderBy: { field: 'OCCURRED_AT', direction: 'ASC' } });
    const calls = communications.filter((row) => row.channel === 'CALL').map((row) => row.id);
    expect(data.account.communications.edges.map((edge) => edge.node.id)).toEqual(calls);
    expect(data.account.communications.totalCount).toBe(calls.length);
    expect(data.account.communications.pageInfo.hasNextPage).toBe(false);
  });

  test('refuses a bad page size or cursor with BAD_USER_INPUT', async () => {
    for (const first of [0, 101]) {
      expectError(await fleet.gql(COMMUNICATIONS, { variables: { id: keyAccount, first }, token }), 'BAD_USER_INPUT', /first must be between 1 and 100/);
    }
    expectError(await fleet.gql(COMMUNICATIONS, { variables: { id: keyAccount, after: 'not-a-cursor' }, token }), 'BAD_USER_INPUT', /not a valid cursor/);
    const { data } = await ok<Data>(COMMUNICATIONS, { id: keyAccount, first: 1 });
    const cursor = data.account.communications.pageInfo.endCursor;
    expectError(
      await fleet.gql(COMMUNICATIONS, { variables: { id: keyAccount, after: cursor, orderBy: { field: 'SUBJECT' } }, token }),
      'BAD_USER_INPUT',
      /different orderBy/,
    );
  });
});

test('attachments page by their own order, filter and cursor', async () => {
  const ATTACHMENTS = `query($id: ID!, $after: String, $filter: AttachmentFilter) {
    account(id: $id) { attachments(first: 4, after: $after, filter: $filter, orderBy: { field: FILE_NAME }) {
      edges { node { fileName sizeBytes } } pageInfo { hasNextPage endCursor } totalCount } }
  }`;
  type Data = { account: { attachments: Page<{ fileName: string; sizeBytes: number }> } };
  const first = await ok<Data>(ATTACHMENTS, { id: keyAccount });
  expect(first.data.account.attachments.edges.map((edge) => edge.node.fileName)).toEqual(['file-00.png', 'file-01.pdf', 'file-02.png', 'file-03.pdf']);
  expect(first.data.account.attachments.totalCount).toBe(12);
  const second = await ok<Data>(ATTACHMENTS, { id: keyAccount, after: first.data.account.attachments.pageInfo.endCursor });
  expect(second.data.account.attachments.edges.map((edge) => edge.node.fileName)).toEqual(['file-04.png', 'file-05.pdf', 'file-06.png', 'file-07.pdf']);
  const pdfs = await ok<Data>(ATTACHMENTS, { id: keyAccount, filter: { contentType: 'application/pdf' } });
  expect(pdfs.data.account.attachments.totalCount).toBe(6);
  expect(pdfs.data.account.attachments.edges.every((edge) => edge.node.fileName.endsWith('.pdf'))).toBe(true);
});

test('contacts through links take the contact’s filter and order; links take their own', async () => {
  const CONTACTS = `query($id: ID!) { account(id: $id) {
    contacts(orderBy: { field: LAST_NAME, direction: DESC }) { edges { node { lastName } } totalCount }
    searched: contacts(filter: { search: "bak" }) { edges { node { lastName } } }
    primary: contactLinks(filter: { isPrimary: true }) { edges { node { isPrimary contact { lastName } } } totalCount }
  } }`;
  type Data = { account: { contacts: Page<{ lastName: string }>; searched: Page<{ lastName: string }>; primary: Page<{ isPrimary: boolean; contact: { lastName: string } }> } };
  const { data } = await ok<Data>(CONTACTS, { id: keyAccount });
  expect(data.account.contacts.edges.map((edge) => edge.node.lastName)).toEqual(['Clark', 'Baker', 'Adams']);
  expect(data.account.contacts.totalCount).toBe(3);
  expect(data.account.searched.edges.map((edge) => edge.node.lastName)).toEqual(['Baker']);
  expect(data.account.primary.edges.map((edge) => edge.node)).toEqual([{ isPrimary: true, contact: { lastName: 'Baker' } }]);
  expect(data.account.primary.totalCount).toBe(1);
});

test('a top-level list runs its count only when totalCount is selected', async () => {
  const without = await ok('{ invoices(first: 5) { edges { node { id } } } }');
  expect(without.sql).toHaveLength(1);
  const counted = await ok<{ invoices: { totalCount: number } }>('{ invoices(first: 5) { totalCount edges { node { id } } } }');
  expect(counted.data.invoices.totalCount).toBe(350);
  expect(counted.sql).toHaveLength(2);
});

test('on a pooled database, a neighbour’s rows planted under our parent never appear in its relation pages', async () => {
  const initech = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  const created = await fleet.gql<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Pooled Parent" }) { id } }', { token: initech });
  const parent = created.data?.createAccount.id ?? '';
  const pooled = await fleet.rawDb('initech');
  const umbrella = fleet.tenants.umbrella.id;
  // Written with the same-tenant triggers off, as only a bug or an attacker with SQL could.
  await pooled.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    await tx.communication.create({ data: { tenantId: umbrella, accountId: parent, channel: 'EMAIL', direction: 'INBOUND', occurredAt: new Date(), subject: 'umbrella secret' } });
    await tx.attachment.create({ data: { tenantId: umbrella, subjectType: 'accounts', subjectId: parent, fileName: 'umbrella-secret.pdf', contentType: 'application/pdf', sizeBytes: 1n, storageKey: 'x' } });
  });
  const RELATIONS = `query($id: ID!) { account(id: $id) {
    communications { edges { node { id } } totalCount } attachments { edges { node { id } } totalCount } } }`;
  const result = await fleet.gql<{ account: { communications: Page<unknown>; attachments: Page<unknown> } }>(RELATIONS, { variables: { id: parent }, token: initech });
  expect(result.errors).toEqual([]);
  expect(result.data?.account.communications).toEqual({ edges: [], totalCount: 0 });
  expect(result.data?.account.attachments).toEqual({ edges: [], totalCount: 0 });
});
