import { randomUUID } from 'node:crypto';
import { expectError } from '../support/error-assertions.js';
import { type GraphQLResult } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** Contacts and their account links over HTTP with real tokens. */

interface ContactNode {
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  ownerId: string | null;
  owner: { email: string } | null;
}
interface LinkNode {
  role: string | null;
  isPrimary: boolean;
  contact: { id: string };
}
interface AccountWithLinks {
  id: string;
  owner: { email: string } | null;
  contacts: { id: string }[];
  contactLinks: LinkNode[];
}

const CONTACT_FIELDS = 'id firstName lastName fullName email phone title ownerId owner { email }';
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT_FIELDS} } }`;
const DELETE_CONTACT = `mutation($id: ID!) { deleteContact(id: $id) { ${CONTACT_FIELDS} } }`;
const GET_CONTACT = `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} accounts { edges { node { id } } } accountLinks { edges { node { isPrimary role account { id } } } } } }`;
const GET_ACCOUNT = `query($id: ID!) { account(id: $id) { id owner { email } contacts { edges { node { id } } } contactLinks { edges { node { role isPrimary contact { id } } } } } }`;
const LINK = `mutation($input: LinkContactInput!) { linkContactToAccount(input: $input) { accountId contactId role isPrimary } }`;
const UNLINK = `mutation($accountId: ID!, $contactId: ID!) { unlinkContactFromAccount(accountId: $accountId, contactId: $contactId) }`;
const CONTACTS = `query($first: Int, $after: String, $filter: ContactFilter) {
  contacts(first: $first, after: $after, filter: $filter) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount }
}`;

let fleet: TestFleet;
let token: string;
let ownerId: string;

function idOf(result: GraphQLResult<Record<string, { id: string }>>, field: string): string {
  expect(result.errors).toEqual([]);
  const id = result.data?.[field]?.id;
  if (!id) {
    throw new Error(`${field} returned no id: ${JSON.stringify(result.errors)}`);
  }
  return id;
}

async function newAccount(name: string, accessToken = token): Promise<string> {
  const result = await fleet.gql<{ createAccount: { id: string } }>(
    `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`,
    { variables: { input: { name, ownerId: accessToken === token ? ownerId : null } }, token: accessToken },
  );
  return idOf(result, 'createAccount');
}

async function createContact(input: Record<string, unknown>, accessToken = token) {
  return fleet.gql<{ createContact: ContactNode }>(CREATE_CONTACT, { variables: { input }, token: accessToken });
}

async function newContact(lastName: string, accountIds: string[] = [], accessToken = token): Promise<string> {
  return idOf(await createContact({ firstName: 'Test', lastName, accountIds }, accessToken), 'createContact');
}

type Nodes<T> = { edges: { node: T }[] };
const nodes = <T>(connection: Nodes<T>): T[] => connection.edges.map((edge) => edge.node);
/** Links list oldest first, and links made together tie; primary first makes them comparable. */
const primaryFirst = <T extends { isPrimary: boolean }>(links: T[]): T[] => [...links].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

interface AccountPage {
  id: string;
  owner: { email: string } | null;
  contacts: Nodes<{ id: string }>;
  contactLinks: Nodes<LinkNode>;
}

async function account(id: string): Promise<AccountWithLinks> {
  const result = await fleet.gql<{ account: AccountPage }>(GET_ACCOUNT, { variables: { id }, token });
  expect(result.errors).toEqual([]);
  if (!result.data) {
    throw new Error('no account');
  }
  const { contacts, contactLinks, ...rest } = result.data.account;
  return { ...rest, contacts: nodes(contacts), contactLinks: primaryFirst(nodes(contactLinks)) };
}

interface ContactPage extends ContactNode {
  accounts: Nodes<{ id: string }>;
  accountLinks: Nodes<{ isPrimary: boolean; role: string | null; account: { id: string } }>;
}

async function contactWithLinks(id: string | undefined, accessToken = token) {
  const result = await fleet.gql<{ contact: ContactPage }>(GET_CONTACT, { variables: { id }, token: accessToken });
  expect(result.errors).toEqual([]);
  const contact = result.data?.contact;
  return contact ? { ...contact, accounts: nodes(contact.accounts), accountLinks: primaryFirst(nodes(contact.accountLinks)) } : undefined;
}

const primaryIdsOf = (links: LinkNode[]) => links.filter((link) => link.isPrimary).map((link) => link.contact.id);

beforeAll(async () => {
  fleet = await startTestFleet();
  token = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const me = await fleet.gql<{ me: { user: { id: string } } }>('{ me { user { id } } }', { token });
  ownerId = me.data?.me.user.id ?? '';
});
afterAll(async () => {
  await fleet?.close();
});

describe('contacts CRUD as owner@acme', () => {
  test('createContact with accountIds links them, the first as primary, and relations resolve both ways', async () => {
    const first = await newAccount('Hooli');
    const second = await newAccount('Pied Piper');
    const input = { firstName: 'Gavin', lastName: 'Belson', email: 'Gavin.Belson@Hooli.example', phone: '+1 555 0100', title: 'CEO', ownerId };
    const created = await createContact({ ...input, accountIds: [first, second, first] });
    expect(created.errors).toEqual([]);
    const contact = created.data?.createContact;
    expect(contact).toEqual({ ...input, id: expect.any(String), fullName: 'Gavin Belson', email: 'gavin.belson@hooli.example', owner: { email: 'owner@acme.test' } });

    const fetched = await contactWithLinks(contact?.id);
    expect(fetched?.accounts).toEqual([{ id: first }, { id: second }]);
    expect(fetched?.accountLinks).toEqual([
      { isPrimary: true, role: null, account: { id: first } },
      { isPrimary: false, role: null, account: { id: second } },
    ]);

    const firstAccount = await account(first);
    expect(firstAccount.owner).toEqual({ email: 'owner@acme.test' });
    expect(firstAccount.contacts).toEqual([{ id: contact?.id }]);
    expect(firstAccount.contactLinks).toEqual([{ role: null, isPrimary: true, contact: { id: contact?.id } }]);
    expect((await account(second)).contactLinks).toEqual([{ role: null, isPrimary: false, contact: { id: contact?.id } }]);
  });

  test('updateContact keeps omitted fields and clears a field set to null', async () => {
    const created = await createContact({ firstName: 'Monica', lastName: 'Hall', email: 'monica@raviga.example', title: 'Partner', phone: '555-0101' });
    const before = created.data?.createContact;
    const updated = await fleet.gql<{ updateContact: ContactNode }>(UPDATE_CONTACT, {
      variables: { id: before?.id, input: { title: null, lastName: 'Hall-Bachman' } },
      token,
    });
    expect(updated.errors).toEqual([]);
    expect(updated.data?.updateContact).toEqual({ ...before, title: null, lastName: 'Hall-Bachman', fullName: 'Monica Hall-Bachman' });
  });

  test('deleteContact returns the deleted row and removes its links; then the contact is NOT_FOUND', async () => {
    const accountId = await newAccount('Raviga');
    const created = await createContact({ firstName: 'Laurie', lastName: 'Bream', accountIds: [accountId] });
    const row = created.data?.createContact;
    const deleted = await fleet.gql<{ deleteContact: ContactNode }>(DELETE_CONTACT, { variables: { id: row?.id }, token });
    expect(deleted.errors).toEqual([]);
    expect(deleted.data?.deleteContact).toEqual(row);
    expectError(await fleet.gql(GET_CONTACT, { variables: { id: row?.id }, token }), 'NOT_FOUND', /Contact .* was not found/);
    expect((await account(accountId)).contactLinks).toEqual([]);
  });
});

describe('linking contacts to accounts', () => {
  test('link, change role, move the primary flag, and unlink', async () => {
    const accountId = await newAccount('Bachmanity');
    const erlich = await newContact('Bachman', [accountId]);
    const jian = await newContact('Yang');

    const linked = await fleet.gql(LINK, { variables: { input: { accountId, contactId: jian, role: 'Engineer' } }, token });
    expect(linked.errors).toEqual([]);
    expect(linked.data).toEqual({ linkContactToAccount: { accountId, contactId: jian, role: 'Engineer', isPrimary: false } });
    expect(primaryIdsOf((await account(accountId)).contactLinks)).toEqual([erlich]);

    const promoted = await fleet.gql(LINK, { variables: { input: { accountId, contactId: jian, role: 'Founder', isPrimary: true } }, token });
    expect(promoted.errors).toEqual([]);
    const links = (await account(accountId)).contactLinks;
    expect(primaryIdsOf(links)).toEqual([jian]);
    expect(links).toEqual([
      { role: 'Founder', isPrimary: true, contact: { id: jian } },
      { role: null, isPrimary: false, contact: { id: erlich } },
    ]);
    expect((await account(accountId)).contacts).toEqual([{ id: erlich }, { id: jian }]);

    const unlinked = await fleet.gql<{ unlinkContactFromAccount: boolean }>(UNLINK, { variables: { accountId, contactId: jian }, token });
    expect(unlinked.data).toEqual({ unlinkContactFromAccount: true });
    expect((await account(accountId)).contacts).toEqual([{ id: erlich }]);
    expectError(await fleet.gql(UNLINK, { variables: { accountId, contactId: jian }, token }), 'NOT_FOUND', /was not found/);
  });

  test('createContact with accountIds on an account that already has a primary contact leaves one primary', async () => {
    const accountId = await newAccount('Endframe');
    const old = await newContact('Primary-One', [accountId]);
    const replacement = await newContact('Primary-Two', [accountId]);
    const primaries = primaryIdsOf((await account(accountId)).contactLinks);
    expect(primaries).toHaveLength(1);
    expect([old, replacement]).toContain(primaries[0]);
  });

  test('linking to an account or contact of another tenant is NOT_FOUND (dedicated databases)', async () => {
    const globexToken = (await fleet.login('owner@globex.test', 'globex')).accessToken;
    const globexAccount = await newAccount('Globex Corp', globexToken);
    const globexContact = await newContact('Scorpio', [], globexToken);
    const acmeAccount = await newAccount('Acme Linker');
    const acmeContact = await newContact('Linker');

    expectError(await fleet.gql(LINK, { variables: { input: { accountId: globexAccount, contactId: acmeContact } }, token }), 'NOT_FOUND', /Account .* was not found/);
    expectError(await fleet.gql(LINK, { variables: { input: { accountId: acmeAccount, contactId: globexContact } }, token }), 'NOT_FOUND', /Contact .* was not found/);
    expectError(await createContact({ firstName: 'Sneaky', lastName: 'Pete', accountIds: [acmeAccount, globexAccount] }), 'NOT_FOUND', /Account .* was not found/);
    expectError(await fleet.gql(UNLINK, { variables: { accountId: globexAccount, contactId: globexContact }, token }), 'NOT_FOUND');
    const raw = await fleet.rawDb('acme');
    expect(await raw.prisma.contact.count({ where: { lastName: 'Pete' } })).toBe(0);
  });

  test('linking across pooled tenants that share one database is NOT_FOUND', async () => {
    const initech = (await fleet.login('owner@initech.test', 'initech')).accessToken;
    const umbrella = (await fleet.login('owner@umbrella.test', 'umbrella')).accessToken;
    const umbrellaAccount = await newAccount('Umbrella Pharma', umbrella);
    const umbrellaContact = await newContact('Wesker', [umbrellaAccount], umbrella);
    const initechAccount = await newAccount('Initech HQ', initech);
    const initechContact = await newContact('Lumbergh', [], initech);

    expectError(await fleet.gql(LINK, { variables: { input: { accountId: umbrellaAccount, contactId: initechContact } }, token: initech }), 'NOT_FOUND');
    expectError(await fleet.gql(LINK, { variables: { input: { accountId: initechAccount, contactId: umbrellaContact } }, token: initech }), 'NOT_FOUND');
    expectError(await fleet.gql(UNLINK, { variables: { accountId: umbrellaAccount, contactId: umbrellaContact }, token: initech }), 'NOT_FOUND');
    expectError(await createContact({ firstName: 'Bill', lastName: 'Lumbergh', accountIds: [umbrellaAccount] }, initech), 'NOT_FOUND');
    expect((await contactWithLinks(umbrellaContact, umbrella))?.accounts).toEqual([{ id: umbrellaAccount }]);
  });
});

describe('contacts filters', () => {
  test('filter.accountId lists only the contacts linked to that account; search is case-insensitive', async () => {
    const accountId = await newAccount('Filter Target');
    const linked = [await newContact('Filtered-A', [accountId]), await newContact('Filtered-B', [accountId])];
    await newContact('Filtered-Unlinked');
    const result = await fleet.gql<{ contacts: { edges: { node: { id: string } }[]; totalCount: number } }>(CONTACTS, {
      variables: { filter: { accountId } },
      token,
    });
    expect(result.errors).toEqual([]);
    expect(result.data?.contacts.totalCount).toBe(2);
    expect(result.data?.contacts.edges.map((edge) => edge.node.id).sort()).toEqual([...linked].sort());

    const search = await fleet.gql<{ contacts: { totalCount: number } }>(CONTACTS, { variables: { filter: { search: 'FILTERED-' } }, token });
    expect(search.data?.contacts.totalCount).toBe(3);
    const both = await fleet.gql<{ contacts: { totalCount: number } }>(CONTACTS, { variables: { filter: { search: 'filtered-a', accountId } }, token });
    expect(both.data?.contacts.totalCount).toBe(1);
    const none = await fleet.gql<{ contacts: { totalCount: number } }>(CONTACTS, { variables: { filter: { accountId: randomUUID() } }, token });
    expect(none.data?.contacts.totalCount).toBe(0);
  });

  test('a non-UUID filter.accountId is BAD_USER_INPUT, not a database error', async () => {
    expectError(await fleet.gql(CONTACTS, { variables: { filter: { accountId: 'nope' } }, token }), 'BAD_USER_INPUT', /accountId must be a UUID/);
  });

  test('bad paging arguments are BAD_USER_INPUT', async () => {
    expectError(await fleet.gql(CONTACTS, { variables: { after: 'garbage' }, token }), 'BAD_USER_INPUT', /after is not a valid cursor/);
    expectError(await fleet.gql(CONTACTS, { variables: { first: 500 }, token }), 'BAD_USER_INPUT', /first must be between 1 and 100/);
  });
});

describe('bad contact input is refused with a code and a clear message', () => {
  test('an invalid email', async () => {
    expectError(await createContact({ firstName: 'No', lastName: 'Email', email: 'not-an-email' }), 'BAD_USER_INPUT', /email must be a valid email address/);
    const id = await newContact('Valid');
    expectError(await fleet.gql(UPDATE_CONTACT, { variables: { id, input: { email: 'a@' } }, token }), 'BAD_USER_INPUT', /email must be a valid email address/);
  });

  test('a duplicate email in the same tenant', async () => {
    await createContact({ firstName: 'Dup', lastName: 'One', email: 'dup@example.com' });
    expectError(await createContact({ firstName: 'Dup', lastName: 'Two', email: 'DUP@example.com' }), 'BAD_USER_INPUT', /already exists/);
  });

  test('empty or cleared names', async () => {
    expectError(await createContact({ firstName: '', lastName: 'Nameless' }), 'BAD_USER_INPUT', /firstName must be 1 to 100 characters/);
    expectError(await createContact({ firstName: 'Nameless', lastName: '' }), 'BAD_USER_INPUT', /lastName must be 1 to 100 characters/);
    const id = await newContact('Named');
    expectError(await fleet.gql(UPDATE_CONTACT, { variables: { id, input: { lastName: null } }, token }), 'BAD_USER_INPUT', /cannot be cleared/);
  });

  test('an ownerId that is not a member of the tenant', async () => {
    const globexOwner = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'owner@globex.test' } });
    expectError(await createContact({ firstName: 'Foreign', lastName: 'Owner', ownerId: globexOwner.id }), 'BAD_USER_INPUT', /ownerId must be the id of a member/);
  });

  test('unknown and malformed ids', async () => {
    const id = randomUUID();
    expectError(await fleet.gql(GET_CONTACT, { variables: { id }, token }), 'NOT_FOUND', /was not found/);
    expectError(await fleet.gql(UPDATE_CONTACT, { variables: { id, input: { title: 'CTO' } }, token }), 'NOT_FOUND', /was not found/);
    expectError(await fleet.gql(DELETE_CONTACT, { variables: { id }, token }), 'NOT_FOUND', /was not found/);
    expectError(await fleet.gql(GET_CONTACT, { variables: { id: 'xyz' }, token }), 'BAD_USER_INPUT', /id must be a UUID/);
    expectError(await createContact({ firstName: 'Bad', lastName: 'Link', accountIds: ['not-a-uuid'] }), 'BAD_USER_INPUT', /accountIds must be UUIDs/);
    const accountId = await newAccount('Link Target');
    expectError(await fleet.gql(LINK, { variables: { input: { accountId, contactId: 'nope' } }, token }), 'BAD_USER_INPUT', /contactId must be a UUID/);
    expectError(await fleet.gql(LINK, { variables: { input: { accountId, contactId: id } }, token }), 'NOT_FOUND', /Contact .* was not found/);
    expectError(await fleet.gql(UNLINK, { variables: { accountId: 'nope', contactId: id }, token }), 'BAD_USER_INPUT', /accountId must be a UUID/);
  });
});
