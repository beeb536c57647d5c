import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { type AuditLog } from '../../src/generated/control/client.js';
import { authRequests, CREATE_ACCOUNT, dataOf, DELETE_ACCOUNT_BY_ID, uniqueName, UPDATE_ACCOUNT_CITY } from '../support/auth-requests.js';
import { adminQuery } from '../support/databases.js';
import { expectError } from '../support/error-assertions.js';
import { ADD_MEMBER, REMOVE_MEMBER, SET_ROLE } from '../support/member-requests.js';
import { createLooseUser, createTeam } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// What the audit trail records: one row per successful mutation (business or membership), a
// DENIED row per refusal for lack of rights, nothing for queries and other failures, and a
// failed write that is counted and logged while the mutation still succeeds.

const CREATE_CONTACT = 'mutation { createContact(input: { firstName: "Ada", lastName: "Lovelace" }) { id } }';
const DELETE_CONTACT = 'mutation($id: ID!) { deleteContact(id: $id) { id } }';
const LINK = 'mutation($accountId: ID!, $contactId: ID!) { linkContactToAccount(input: { accountId: $accountId, contactId: $contactId }) { id } }';
const UNLINK = 'mutation($accountId: ID!, $contactId: ID!) { unlinkContactFromAccount(accountId: $accountId, contactId: $contactId) }';
const LOGOUT = 'mutation { logout }';

const lines: string[] = [];
let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet({ logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) });
});
afterAll(async () => {
  await fleet?.close();
});

const { send } = authRequests(() => fleet);

/** The tenant's rows other than logins (every team member logs in once), oldest first. */
async function trail(tenantId: string): Promise<AuditLog[]> {
  return fleet.app.control.client.auditLog.findMany({ where: { tenantId, operation: { not: 'login' } }, orderBy: { id: 'asc' } });
}

const row = (operation: string, actorUserId: string, targetType: string, targetId: string, extra: Partial<AuditLog> = {}) =>
  expect.objectContaining({ operation, actorUserId, targetType, targetId, outcome: 'SUCCESS', ...extra });

async function newId(query: string, token: string, field: string, variables: Record<string, unknown> = {}): Promise<string> {
  const data = dataOf(await send<Record<string, { id: string }>>(query, { token, variables }));
  return data[field]?.id ?? '';
}

describe('rows written', () => {
  test('every account and contact mutation leaves exactly one row naming the actor, tenant, operation and target', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER' });
    const { accessToken: token, userId } = members.owner;
    const started = new Date(Date.now() - 1000);
    const accountId = await newId(CREATE_ACCOUNT, token, 'createAccount', { name: uniqueName('Audited') });
    dataOf(await send(UPDATE_ACCOUNT_CITY, { token, variables: { id: accountId } }));
    const contactId = await newId(CREATE_CONTACT, token, 'createContact');
    const linkId = await newId(LINK, token, 'linkContactToAccount', { accountId, contactId });
    dataOf(await send(UNLINK, { token, variables: { accountId, contactId } }));
    dataOf(await send(DELETE_CONTACT, { token, variables: { id: contactId } }));
    dataOf(await send(DELETE_ACCOUNT_BY_ID, { token, variables: { id: accountId } }));

    const rows = await trail(tenantId);
    expect(rows).toEqual([
      row('createAccount', userId, 'Account', accountId),
      row('updateAccount', userId, 'Account', accountId),
      row('createContact', userId, 'Contact', contactId),
      row('linkContactToAccount', userId, 'AccountContact', linkId),
      row('unlinkContactFromAccount', userId, 'Account', accountId, { detail: `contact ${contactId} unlinked` }),
      row('deleteContact', userId, 'Contact', contactId),
      row('deleteAccount', userId, 'Account', accountId),
    ]);
    for (const written of rows) {
      expect(written.tenantId).toBe(tenantId);
      expect(written.createdAt.getTime()).toBeGreaterThanOrEqual(started.getTime());
    }
  });

  test('every membership change leaves one row against the user it concerns, with the roles', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER' });
    const { accessToken: token, userId } = members.owner;
    const newcomer = await createLooseUser(fleet, 'audited');
    dataOf(await send(ADD_MEMBER, { token, variables: { email: newcomer.email, role: 'VIEWER' } }));
    dataOf(await send(SET_ROLE, { token, variables: { userId: newcomer.id, role: 'MEMBER' } }));
    dataOf(await send(REMOVE_MEMBER, { token, variables: { userId: newcomer.id } }));
    expect(await trail(tenantId)).toEqual([
      row('addTenantMember', userId, 'User', newcomer.id, { detail: 'added as VIEWER' }),
      row('setMemberRole', userId, 'User', newcomer.id, { detail: 'role VIEWER -> MEMBER' }),
      row('removeTenantMember', userId, 'User', newcomer.id, { detail: 'removed (was MEMBER)' }),
    ]);
  });

  test('a refusal for lack of rights leaves a DENIED row; other failures and queries leave none', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER', admin: 'ADMIN', viewer: 'VIEWER' });
    expectError(await send(CREATE_ACCOUNT, { token: members.viewer.accessToken, variables: { name: 'nope' } }), 'FORBIDDEN');
    expectError(await send(REMOVE_MEMBER, { token: members.admin.accessToken, variables: { userId: members.owner.userId } }), 'FORBIDDEN');
    expectError(await send(SET_ROLE, { token: members.owner.accessToken, variables: { userId: members.owner.userId, role: 'ADMIN' } }), 'BAD_USER_INPUT');
    expectError(await send(DELETE_ACCOUNT_BY_ID, { token: members.owner.accessToken, variables: { id: randomUUID() } }), 'NOT_FOUND');
    dataOf(await send('{ accounts { totalCount } tenantMembers { totalCount } }', { token: members.owner.accessToken }));

    expect(await trail(tenantId)).toEqual([
      expect.objectContaining({ operation: 'createAccount', actorUserId: members.viewer.userId, targetType: 'Account', targetId: null, outcome: 'DENIED', detail: expect.stringMatching(/needs the MEMBER role/) }),
      expect.objectContaining({ operation: 'removeTenantMember', actorUserId: members.admin.userId, targetType: 'User', targetId: members.owner.userId, outcome: 'DENIED' }),
    ]);
  });

  test('logins and logouts are recorded once each, as auth events', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER' });
    dataOf(await send(LOGOUT, { token: members.owner.accessToken }));
    const rows = await fleet.app.control.client.auditLog.findMany({ where: { tenantId }, orderBy: { id: 'asc' } });
    expect(rows.map((written) => [written.operation, written.actorUserId, written.outcome])).toEqual([
      ['login', members.owner.userId, 'SUCCESS'],
      ['logout', members.owner.userId, 'SUCCESS'],
    ]);
  });
});

describe('a failed audit write', () => {
  test('is logged and counted, and the mutation still succeeds', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER' });
    const before = fleet.app.audit.stats();
    // A real failure: the control plane refuses every new audit row until the constraint is dropped.
    await adminQuery('ALTER TABLE audit_log ADD CONSTRAINT audit_refused CHECK (false) NOT VALID', fleet.databases.control.url);
    let accountId: string;
    try {
      accountId = await newId(CREATE_ACCOUNT, members.owner.accessToken, 'createAccount', { name: uniqueName('Unaudited') });
    } finally {
      await adminQuery('ALTER TABLE audit_log DROP CONSTRAINT audit_refused', fleet.databases.control.url);
    }
    expect(fleet.app.audit.stats().failedWrites).toBe(before.failedWrites + 1);
    const fetched = dataOf(await send<{ account: { id: string } }>('query($id: ID!) { account(id: $id) { id } }', { token: members.owner.accessToken, variables: { id: accountId } }));
    expect(fetched.account.id).toBe(accountId);
    expect(await trail(tenantId)).toEqual([]);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg?.toString().startsWith('audit write failed'));
    expect(logged).toEqual([expect.objectContaining({ level: 50, operation: 'createAccount', tenantId, actorUserId: members.owner.userId, failedWrites: before.failedWrites + 1 })]);
    expect(JSON.stringify(logged)).not.toMatch(/insert|audit_refused|check constraint|postgres(ql)?:\/\//i);

    await newId(UPDATE_ACCOUNT_CITY, members.owner.accessToken, 'updateAccount', { id: accountId });
    expect(await trail(tenantId)).toEqual([row('updateAccount', members.owner.userId, 'Account', accountId)]);
    expect(fleet.app.audit.stats().failedWrites).toBe(before.failedWrites + 1);
  });
});
