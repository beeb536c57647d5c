import { randomUUID } from 'node:crypto';
import { expectError } from '../support/error-assertions.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** Accounts over HTTP with real tokens: CRUD, relations, and every kind of bad input. */

interface AccountNode {
  id: string;
  name: string;
  type: string;
  industry: string | null;
  website: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  annualRevenue: string | null;
  employeeCount: number | null;
  ownerId: string | null;
  owner: { email: string } | null;
}

const ACCOUNT_FIELDS = 'id name type industry website phone city country annualRevenue employeeCount ownerId owner { email }';
const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { ${ACCOUNT_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAccount(id: $id) { ${ACCOUNT_FIELDS} } }`;
const GET = `query($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} } }`;

let fleet: TestFleet;
let ownerToken: string;
let ownerId: string;

async function createAccount(input: Record<string, unknown>, token = ownerToken) {
  return fleet.gql<{ createAccount: AccountNode }>(CREATE, { variables: { input }, token });
}

async function newAccountId(name: string): Promise<string> {
  const created = await createAccount({ name });
  expect(created.errors).toEqual([]);
  const id = created.data?.createAccount.id;
  if (!id) {
    throw new Error('createAccount returned no id');
  }
  return id;
}

beforeAll(async () => {
  fleet = await startTestFleet();
  ownerToken = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const me = await fleet.gql<{ me: { user: { id: string } } }>('{ me { user { id } } }', { token: ownerToken });
  ownerId = me.data?.me.user.id ?? '';
  expect(ownerId).not.toBe('');
});
afterAll(async () => {
  await fleet?.close();
});

describe('accounts CRUD as owner@acme', () => {
  test('createAccount stores every field and returns decimals digit for digit', async () => {
    const input = {
      name: 'Initrode GmbH',
      type: 'CUSTOMER',
      industry: 'Manufacturing',
      website: 'https://initrode.example.com',
      phone: '+49 30 123456',
      city: 'Berlin',
      country: 'DE',
      annualRevenue: '1234.50',
      employeeCount: 42,
      ownerId,
    };
    const created = await createAccount(input);
    expect(created.errors).toEqual([]);
    expect(created.data?.createAccount).toEqual({ ...input, id: expect.any(String), owner: { email: 'owner@acme.test' } });

    const id = created.data?.createAccount.id ?? '';
    const fetched = await fleet.gql<{ account: AccountNode }>(GET, { variables: { id }, token: ownerToken });
    expect(fetched.errors).toEqual([]);
    expect(fetched.data?.account).toEqual(created.data?.createAccount);
    expect(fetched.data?.account.annualRevenue).toBe('1234.50');

    const raw = await (await fleet.rawDb('acme')).prisma.account.findUniqueOrThrow({ where: { id } });
    expect(raw.tenantId).toBe(fleet.tenants.acme.id);
    expect(raw.annualRevenue?.toString()).toBe('1234.5');
  });

  test('updateAccount keeps omitted fields and clears a field set to null', async () => {
    const created = await createAccount({ name: 'Vandelay Industries', industry: 'Import/Export', city: 'New York', country: 'US', annualRevenue: '99.99', ownerId });
    const before = created.data?.createAccount;
    expect(before).toBeDefined();
    const updated = await fleet.gql<{ updateAccount: AccountNode }>(UPDATE, {
      variables: { id: before?.id, input: { industry: null, city: 'Newark', annualRevenue: '100.00' } },
      token: ownerToken,
    });
    expect(updated.errors).toEqual([]);
    expect(updated.data?.updateAccount).toEqual({ ...before, industry: null, city: 'Newark', annualRevenue: '100.00' });

    const cleared = await fleet.gql<{ updateAccount: AccountNode }>(UPDATE, {
      variables: { id: before?.id, input: { ownerId: null, name: 'Vandelay Industries Inc.' } },
      token: ownerToken,
    });
    expect(cleared.errors).toEqual([]);
    expect(cleared.data?.updateAccount).toMatchObject({ name: 'Vandelay Industries Inc.', ownerId: null, owner: null, city: 'Newark', country: 'US' });
  });

  test('deleteAccount returns the deleted row, after which the account is NOT_FOUND', async () => {
    const created = await createAccount({ name: 'Short-lived Ltd', city: 'Leeds', annualRevenue: '0.10' });
    const row = created.data?.createAccount;
    const deleted = await fleet.gql<{ deleteAccount: AccountNode }>(DELETE, { variables: { id: row?.id }, token: ownerToken });
    expect(deleted.errors).toEqual([]);
    expect(deleted.data?.deleteAccount).toEqual(row);

    const again = await fleet.gql(GET, { variables: { id: row?.id }, token: ownerToken });
    expectError(again, 'NOT_FOUND', new RegExp(`Account ${row?.id ?? ''} was not found`));
    const deleteAgain = await fleet.gql(DELETE, { variables: { id: row?.id }, token: ownerToken });
    expectError(deleteAgain, 'NOT_FOUND');
  });
});

describe('bad account input is refused with a code and a clear message', () => {
  test('an unknown id is NOT_FOUND on read, update and delete', async () => {
    const id = randomUUID();
    expectError(await fleet.gql(GET, { variables: { id }, token: ownerToken }), 'NOT_FOUND', /was not found/);
    expectError(await fleet.gql(UPDATE, { variables: { id, input: { city: 'Paris' } }, token: ownerToken }), 'NOT_FOUND', /was not found/);
    expectError(await fleet.gql(DELETE, { variables: { id }, token: ownerToken }), 'NOT_FOUND', /was not found/);
  });

  test('a non-UUID id is BAD_USER_INPUT, not a database error', async () => {
    expectError(await fleet.gql(GET, { variables: { id: 'not-a-uuid' }, token: ownerToken }), 'BAD_USER_INPUT', /id must be a UUID/);
    expectError(await fleet.gql(UPDATE, { variables: { id: '42', input: { city: 'Paris' } }, token: ownerToken }), 'BAD_USER_INPUT', /id must be a UUID/);
    expectError(await fleet.gql(DELETE, { variables: { id: "1' OR '1'='1" }, token: ownerToken }), 'BAD_USER_INPUT', /id must be a UUID/);
  });

  test('another tenant\'s account is NOT_FOUND for acme (read, update, delete)', async () => {
    const globexToken = (await fleet.login('owner@globex.test', 'globex')).accessToken;
    const globex = await createAccount({ name: 'Globex Secret Project' }, globexToken);
    const id = globex.data?.createAccount.id;
    expect(id).toBeDefined();
    expectError(await fleet.gql(GET, { variables: { id }, token: ownerToken }), 'NOT_FOUND');
    expectError(await fleet.gql(UPDATE, { variables: { id, input: { name: 'Hijacked' } }, token: ownerToken }), 'NOT_FOUND');
    expectError(await fleet.gql(DELETE, { variables: { id }, token: ownerToken }), 'NOT_FOUND');
    const still = await fleet.gql<{ account: AccountNode }>(GET, { variables: { id }, token: globexToken });
    expect(still.data?.account.name).toBe('Globex Secret Project');
  });

  test.each([
    ['an invalid website', { website: 'not a url' }, /website must be a URL/],
    ['a lower-case country', { country: 'de' }, /country must be an ISO 3166-1 alpha-2 code/],
    ['a three-letter country', { country: 'DEU' }, /country must be an ISO 3166-1 alpha-2 code/],
    ['a decimal with three places', { annualRevenue: '12.345' }, /Decimal must be a string such as "1234.50"/],
    ['a decimal that is not a number', { annualRevenue: '12,50' }, /Decimal must be a string such as "1234.50"/],
    ['a negative employee count', { employeeCount: -1 }, /employeeCount/],
  ])('%s is BAD_USER_INPUT on create and update', async (_label, fields, message) => {
    expectError(await createAccount({ name: 'Bad Input Co', ...fields }), 'BAD_USER_INPUT', message);
    const id = await newAccountId('Valid Before Update');
    expectError(await fleet.gql(UPDATE, { variables: { id, input: fields }, token: ownerToken }), 'BAD_USER_INPUT', message);
  });

  test('an empty name is BAD_USER_INPUT on create and update', async () => {
    expectError(await createAccount({ name: '' }), 'BAD_USER_INPUT', /name must be 1 to 200 characters/);
    const id = await newAccountId('Has A Name');
    expectError(await fleet.gql(UPDATE, { variables: { id, input: { name: '' } }, token: ownerToken }), 'BAD_USER_INPUT', /name must be 1 to 200 characters/);
  });

  test('a whitespace-only name is BAD_USER_INPUT on create (trimmed, it would be empty)', async () => {
    const created = await createAccount({ name: '   ' });
    expect(created.data?.createAccount.name ?? 'refused').not.toBe('');
    expectError(created, 'BAD_USER_INPUT', /name/);
  });

  test('a whitespace-only name is BAD_USER_INPUT on update (trimmed, it would be empty)', async () => {
    const id = await newAccountId('Keeps Its Name');
    const updated = await fleet.gql<{ updateAccount: AccountNode }>(UPDATE, { variables: { id, input: { name: ' \t ' } }, token: ownerToken });
    expect(updated.data?.updateAccount.name ?? 'refused').not.toBe('');
    expectError(updated, 'BAD_USER_INPUT', /name/);
  });

  test('an ownerId that is not a member of the tenant is BAD_USER_INPUT', async () => {
    const globexOwner = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'owner@globex.test' } });
    expectError(await createAccount({ name: 'Foreign Owner', ownerId: globexOwner.id }), 'BAD_USER_INPUT', /ownerId must be the id of a member of this tenant/);
    const id = await newAccountId('Owned By Acme');
    expectError(
      await fleet.gql(UPDATE, { variables: { id, input: { ownerId: globexOwner.id } }, token: ownerToken }),
      'BAD_USER_INPUT',
      /ownerId must be the id of a member of this tenant/,
    );
    expectError(await createAccount({ name: 'Random Owner', ownerId: randomUUID() }), 'BAD_USER_INPUT', /ownerId must be the id of a member/);
    expectError(await createAccount({ name: 'Bad Owner', ownerId: 'nobody' }), 'BAD_USER_INPUT', /ownerId must be a UUID/);
  });

  test('deleting an account that an opportunity points at is BAD_USER_INPUT and deletes nothing', async () => {
    const id = await newAccountId('Has An Opportunity');
    const raw = await fleet.rawDb('acme');
    await raw.prisma.opportunity.create({ data: { tenantId: fleet.tenants.acme.id, accountId: id, name: 'Big deal', amount: '5000.00' } });

    const result = await fleet.gql(DELETE, { variables: { id }, token: ownerToken });
    expectError(result, 'BAD_USER_INPUT', /referenced/);
    expect(await raw.prisma.account.count({ where: { id } })).toBe(1);
  });
});

describe('access', () => {
  test('a viewer reads accounts but cannot create or delete them', async () => {
    const viewerToken = (await fleet.login('viewer@acme.test', 'acme')).accessToken;
    const id = await newAccountId('Viewer Visible');
    const read = await fleet.gql<{ account: AccountNode }>(GET, { variables: { id }, token: viewerToken });
    expect(read.data?.account.name).toBe('Viewer Visible');
    expectError(await createAccount({ name: 'Viewer Made' }, viewerToken), 'FORBIDDEN');
    expectError(await fleet.gql(DELETE, { variables: { id }, token: viewerToken }), 'FORBIDDEN');
  });

  test('without a token, accounts are UNAUTHENTICATED', async () => {
    expectError(await fleet.gql('{ accounts { totalCount } }'), 'UNAUTHENTICATED');
  });
});
