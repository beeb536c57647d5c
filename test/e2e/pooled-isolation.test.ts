import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
let initech: string;
let umbrella: string;
const secret = { accountId: '', contactId: '' };

async function gqlOk<T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await fleet.gql<T>(query, { token, variables });
  expect(result.errors).toEqual([]);
  return result.data as T;
}

beforeAll(async () => {
  fleet = await startTestFleet();
  initech = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  umbrella = (await fleet.login('owner@umbrella.test', 'umbrella')).accessToken;
  const created = await gqlOk<{ createAccount: { id: string } }>(
    'mutation { createAccount(input: { name: "Umbrella Secret Account" }) { id } }',
    umbrella,
  );
  secret.accountId = created.createAccount.id;
  const contact = await gqlOk<{ createContact: { id: string } }>(
    'mutation($a: [ID!]) { createContact(input: { firstName: "Alice", lastName: "Umbrella", email: "alice@umbrella.example", accountIds: $a }) { id } }',
    umbrella,
    { a: [secret.accountId] },
  );
  secret.contactId = contact.createContact.id;
  await gqlOk('mutation { createAccount(input: { name: "Initech Own Account" }) { id } }', initech);
});
afterAll(async () => {
  await fleet?.close();
});

async function umbrellaStillIntact(): Promise<void> {
  const data = await gqlOk<{ account: { name: string; contacts: { edges: { node: { id: string } }[] } } }>(
    'query($id: ID!) { account(id: $id) { name contacts { edges { node { id } } } } }',
    umbrella,
    { id: secret.accountId },
  );
  expect(data.account.name).toBe('Umbrella Secret Account');
  expect(data.account.contacts.edges.map((edge) => edge.node.id)).toEqual([secret.contactId]);
}

describe('initech and umbrella share one pooled database; initech never sees umbrella rows', () => {
  test('by list and search', async () => {
    const data = await gqlOk<{ accounts: { totalCount: number; edges: { node: { name: string } }[] }; contacts: { totalCount: number } }>(
      '{ accounts(first: 100) { totalCount edges { node { name } } } contacts(first: 100) { totalCount } }',
      initech,
    );
    expect(data.accounts.edges.map((e) => e.node.name)).toEqual(['Initech Own Account']);
    expect(data.accounts.totalCount).toBe(1);
    expect(data.contacts.totalCount).toBe(0);
    const search = await gqlOk<{ accounts: { totalCount: number } }>('{ accounts(filter: { search: "secret" }) { totalCount } }', initech);
    expect(search.accounts.totalCount).toBe(0);
  });

  test('by id', async () => {
    expect(codesOf(await fleet.gql('query($id: ID!) { account(id: $id) { id } }', { token: initech, variables: { id: secret.accountId } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await fleet.gql('query($id: ID!) { contact(id: $id) { id } }', { token: initech, variables: { id: secret.contactId } }))).toEqual(['NOT_FOUND']);
  });

  test('by relation fields and relation filters', async () => {
    const filtered = await gqlOk<{ contacts: { totalCount: number } }>(
      'query($id: ID!) { contacts(filter: { accountId: $id }) { totalCount } }',
      initech,
      { id: secret.accountId },
    );
    expect(filtered.contacts.totalCount).toBe(0);
    // The database refuses a link from initech's account to umbrella's contact...
    const pooled = await fleet.rawDb('initech');
    const own = await pooled.prisma.account.findFirstOrThrow({ where: { tenantId: fleet.tenants.initech.id } });
    const link = { tenantId: fleet.tenants.initech.id, accountId: own.id, contactId: secret.contactId };
    await expect(pooled.prisma.accountContact.create({ data: link })).rejects.toMatchObject({ code: 'P2003' });
    // ...and should such a row exist anyway (written with triggers off), the relation fields still
    // do not reveal the contact: the reader checks the joined row's tenant.
    await pooled.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      await tx.accountContact.create({ data: link });
    });
    const related = await gqlOk<{ account: { contacts: { edges: unknown[] }; contactLinks: { edges: unknown[] } } }>(
      'query($id: ID!) { account(id: $id) { contacts { edges { node { id } } } contactLinks { edges { node { contactId } } } } }',
      initech,
      { id: own.id },
    );
    expect(related.account.contacts.edges).toEqual([]);
    expect(related.account.contactLinks.edges).toEqual([]);
    await pooled.prisma.accountContact.deleteMany({ where: { accountId: own.id } });
  });

  test('by update, delete, link and unlink', async () => {
    const attempts = [
      fleet.gql('mutation($id: ID!) { updateAccount(id: $id, input: { name: "pwned" }) { id } }', { token: initech, variables: { id: secret.accountId } }),
      fleet.gql('mutation($id: ID!) { deleteAccount(id: $id) { id } }', { token: initech, variables: { id: secret.accountId } }),
      fleet.gql('mutation($id: ID!) { updateContact(id: $id, input: { lastName: "pwned" }) { id } }', { token: initech, variables: { id: secret.contactId } }),
      fleet.gql('mutation($id: ID!) { deleteContact(id: $id) { id } }', { token: initech, variables: { id: secret.contactId } }),
      fleet.gql('mutation($a: ID!, $c: ID!) { unlinkContactFromAccount(accountId: $a, contactId: $c) }', {
        token: initech,
        variables: { a: secret.accountId, c: secret.contactId },
      }),
      fleet.gql('mutation($a: ID!, $c: ID!) { linkContactToAccount(input: { accountId: $a, contactId: $c }) { id } }', {
        token: initech,
        variables: { a: secret.accountId, c: secret.contactId },
      }),
      fleet.gql('mutation($a: [ID!]) { createContact(input: { firstName: "Eve", lastName: "Initech", accountIds: $a }) { id } }', {
        token: initech,
        variables: { a: [secret.accountId] },
      }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
    }
    await umbrellaStillIntact();
  });
});
