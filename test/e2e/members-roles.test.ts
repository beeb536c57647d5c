import { type MembershipRole } from '../../src/generated/control/enums.js';
import { authRequests, CREATE_ACCOUNT, dataOf, DELETE_ACCOUNT_BY_ID, uniqueName, UPDATE_ACCOUNT_CITY } from '../support/auth-requests.js';
import { expectError } from '../support/error-assertions.js';
import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { ADD_MEMBER, REMOVE_MEMBER, SET_ROLE, TENANT_MEMBERS, type TenantMembersView } from '../support/member-requests.js';
import { createLooseUser, createTeam } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// The role model over HTTP with real tokens: what each role may do, the rank rules of member
// management, and its bad-input errors. Each test gets a tenant of its own (see support/teams).

const AUDIT_LOG = '{ auditLog(first: 5) { totalCount } }';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const { send } = authRequests(() => fleet);

async function roleOf(tenantId: string, userId: string): Promise<MembershipRole | null> {
  const membership = await fleet.app.control.client.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } } });
  return membership?.role ?? null;
}

describe('each role against each operation', () => {
  const operations = ['tenantMembers', 'createAccount', 'updateAccount', 'deleteAccount', 'addTenantMember', 'setMemberRole', 'removeTenantMember', 'auditLog'] as const;
  type Operation = (typeof operations)[number];
  const allowed: Record<MembershipRole, Operation[]> = {
    VIEWER: ['tenantMembers'],
    MEMBER: ['tenantMembers', 'createAccount', 'updateAccount'],
    ADMIN: [...operations],
    OWNER: [...operations],
  };

  test.each<MembershipRole>(['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'])('as %s, does exactly what the role model allows', async (role) => {
    const team = await createTeam(fleet, { actor: role, owner: 'OWNER', target: 'MEMBER' });
    const { actor, owner, target } = team.members;
    const account = dataOf(await send<{ createAccount: { id: string } }>(CREATE_ACCOUNT, { token: owner.accessToken, variables: { name: uniqueName('Role matrix') } }));
    const newcomer = await createLooseUser(fleet, 'newcomer');
    const token = actor.accessToken;
    const attempts: Record<Operation, () => Promise<GraphQLResult<unknown>>> = {
      tenantMembers: () => send(TENANT_MEMBERS, { token }),
      createAccount: () => send(CREATE_ACCOUNT, { token, variables: { name: uniqueName('by role') } }),
      updateAccount: () => send(UPDATE_ACCOUNT_CITY, { token, variables: { id: account.createAccount.id } }),
      deleteAccount: () => send(DELETE_ACCOUNT_BY_ID, { token, variables: { id: account.createAccount.id } }),
      addTenantMember: () => send(ADD_MEMBER, { token, variables: { email: newcomer.email, role: 'VIEWER' } }),
      setMemberRole: () => send(SET_ROLE, { token, variables: { userId: target.userId, role: 'VIEWER' } }),
      removeTenantMember: () => send(REMOVE_MEMBER, { token, variables: { userId: target.userId } }),
      auditLog: () => send(AUDIT_LOG, { token }),
    };
    const outcomes: Record<string, string> = {};
    for (const operation of operations) {
      const result = await attempts[operation]();
      outcomes[operation] = result.errors.length === 0 ? 'ok' : String(result.errors[0]?.extensions?.code);
      if (result.errors.length > 0) {
        expectError(result, 'FORBIDDEN', /needs the (MEMBER|ADMIN) role or higher/);
      }
    }
    expect(outcomes).toEqual(Object.fromEntries(operations.map((operation) => [operation, allowed[role].includes(operation) ? 'ok' : 'FORBIDDEN'])));

    const managed = allowed[role].includes('removeTenantMember');
    expect(await roleOf(team.tenantId, target.userId)).toBe(managed ? null : 'MEMBER');
    expect(await roleOf(team.tenantId, newcomer.id)).toBe(managed ? 'VIEWER' : null);
  });
});

describe('rank rules', () => {
  test('nobody gives a role above their own, themselves included', async () => {
    const { tenantId, members } = await createTeam(fleet, { admin: 'ADMIN', owner: 'OWNER', member: 'MEMBER' });
    const newcomer = await createLooseUser(fleet, 'newcomer');
    const admin = members.admin.accessToken;

    expectError(await send(ADD_MEMBER, { token: admin, variables: { email: newcomer.email, role: 'OWNER' } }), 'FORBIDDEN', /role OWNER is above your own role ADMIN/);
    expectError(await send(SET_ROLE, { token: admin, variables: { userId: members.member.userId, role: 'OWNER' } }), 'FORBIDDEN', /above your own role/);
    expectError(await send(SET_ROLE, { token: admin, variables: { userId: members.admin.userId, role: 'OWNER' } }), 'FORBIDDEN', /above your own role/);
    expect(await roleOf(tenantId, newcomer.id)).toBeNull();
    expect(await roleOf(tenantId, members.member.userId)).toBe('MEMBER');
    expect(await roleOf(tenantId, members.admin.userId)).toBe('ADMIN');

    dataOf(await send(SET_ROLE, { token: admin, variables: { userId: members.member.userId, role: 'ADMIN' } }));
    dataOf(await send(ADD_MEMBER, { token: members.owner.accessToken, variables: { email: newcomer.email, role: 'OWNER' } }));
    expect(await roleOf(tenantId, members.member.userId)).toBe('ADMIN');
    expect(await roleOf(tenantId, newcomer.id)).toBe('OWNER');
  });

  test('an ADMIN cannot change or remove an OWNER, but may change and remove another ADMIN', async () => {
    const { tenantId, members } = await createTeam(fleet, { admin: 'ADMIN', other: 'ADMIN', owner: 'OWNER', second: 'OWNER' });
    const admin = members.admin.accessToken;
    const ownerId = members.owner.userId;
    for (const role of ['ADMIN', 'VIEWER', 'OWNER'] as const) {
      expectError(await send(SET_ROLE, { token: admin, variables: { userId: ownerId, role } }), 'FORBIDDEN', /only an OWNER can change or remove an OWNER/);
    }
    expectError(await send(REMOVE_MEMBER, { token: admin, variables: { userId: ownerId } }), 'FORBIDDEN', /only an OWNER can change or remove an OWNER/);
    expect(await roleOf(tenantId, ownerId)).toBe('OWNER');

    dataOf(await send(SET_ROLE, { token: admin, variables: { userId: members.other.userId, role: 'MEMBER' } }));
    dataOf(await send(REMOVE_MEMBER, { token: admin, variables: { userId: members.other.userId } }));
    expect(await roleOf(tenantId, members.other.userId)).toBeNull();
    dataOf(await send(SET_ROLE, { token: members.second.accessToken, variables: { userId: ownerId, role: 'ADMIN' } }));
    expect(await roleOf(tenantId, ownerId)).toBe('ADMIN');
  });

  test('the last OWNER can neither be demoted nor removed, until another member is made OWNER', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER', admin: 'ADMIN' });
    const owner = members.owner.accessToken;
    const self = members.owner.userId;
    expectError(await send(SET_ROLE, { token: owner, variables: { userId: self, role: 'ADMIN' } }), 'BAD_USER_INPUT', /last OWNER of this tenant, who cannot be demoted/);
    expectError(await send(REMOVE_MEMBER, { token: owner, variables: { userId: self } }), 'BAD_USER_INPUT', /last OWNER of this tenant, who cannot be removed/);
    expect(await roleOf(tenantId, self)).toBe('OWNER');

    dataOf(await send(SET_ROLE, { token: owner, variables: { userId: members.admin.userId, role: 'OWNER' } }));
    dataOf(await send(SET_ROLE, { token: owner, variables: { userId: self, role: 'MEMBER' } }));
    const successor = members.admin.accessToken;
    expectError(await send(SET_ROLE, { token: successor, variables: { userId: members.admin.userId, role: 'VIEWER' } }), 'BAD_USER_INPUT', /last OWNER/);
    expectError(await send(REMOVE_MEMBER, { token: successor, variables: { userId: members.admin.userId } }), 'BAD_USER_INPUT', /last OWNER/);
    expect(await fleet.app.control.client.membership.count({ where: { tenantId, role: 'OWNER' } })).toBe(1);
  });
});

describe('bad member input names the field', () => {
  test('addTenantMember: an unknown email is NOT_FOUND, an invalid one or an existing member BAD_USER_INPUT', async () => {
    const { members } = await createTeam(fleet, { owner: 'OWNER', viewer: 'VIEWER' });
    const token = members.owner.accessToken;
    const unknown = await send(ADD_MEMBER, { token, variables: { email: 'Nobody.Here@team.test', role: 'MEMBER' } });
    expectError(unknown, 'NOT_FOUND', /no user has the email nobody\.here@team\.test; they need a tenantgate account/);
    expect(unknown.errors[0]?.extensions?.['field']).toBe('email');
    expectError(await send(ADD_MEMBER, { token, variables: { email: 'not-an-email', role: 'MEMBER' } }), 'BAD_USER_INPUT', /email must be a valid email address/);
    const again = await send(ADD_MEMBER, { token, variables: { email: members.viewer.email.toUpperCase(), role: 'MEMBER' } });
    expectError(again, 'BAD_USER_INPUT', /is already a member of this tenant \(role VIEWER\); use setMemberRole/);
    expect(again.errors[0]?.extensions?.['field']).toBe('email');
    expect(codesOf(await send(ADD_MEMBER, { token, variables: { email: members.viewer.email, role: 'SUPERUSER' } }))).toEqual(['BAD_USER_INPUT']);
  });

  test("setMemberRole and removeTenantMember: a malformed userId is BAD_USER_INPUT, another tenant's member NOT_FOUND and untouched", async () => {
    const { members } = await createTeam(fleet, { owner: 'OWNER' });
    const token = members.owner.accessToken;
    expectError(await send(SET_ROLE, { token, variables: { userId: 'nope', role: 'MEMBER' } }), 'BAD_USER_INPUT', /userId must be a UUID/);
    expectError(await send(REMOVE_MEMBER, { token, variables: { userId: "1' OR '1'='1" } }), 'BAD_USER_INPUT', /userId must be a UUID/);

    const globexOwner = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'owner@globex.test' } });
    const foreign = await send(SET_ROLE, { token, variables: { userId: globexOwner.id, role: 'VIEWER' } });
    expectError(foreign, 'NOT_FOUND', new RegExp(`userId ${globexOwner.id} is not a member of this tenant`));
    expect(foreign.errors[0]?.extensions?.['field']).toBe('userId');
    expectError(await send(REMOVE_MEMBER, { token, variables: { userId: globexOwner.id } }), 'NOT_FOUND', /is not a member of this tenant/);
    expect(await roleOf(fleet.tenants.globex.id, globexOwner.id)).toBe('OWNER');
  });
});

describe('tenantMembers', () => {
  test("pages through exactly this tenant's members, filtered by role and search", async () => {
    const team = await createTeam(fleet, { owner: 'OWNER', ann: 'ADMIN', bob: 'MEMBER', cyd: 'VIEWER', dee: 'VIEWER' });
    const token = team.members.cyd.accessToken;
    const seen: TenantMembersView['tenantMembers']['edges'] = [];
    let after: string | null = null;
    do {
      const page: TenantMembersView = dataOf(await send<TenantMembersView>(TENANT_MEMBERS, { token, variables: { first: 2, after } }));
      expect(page.tenantMembers.totalCount).toBe(5);
      seen.push(...page.tenantMembers.edges);
      after = page.tenantMembers.pageInfo.hasNextPage ? page.tenantMembers.pageInfo.endCursor : null;
    } while (after);
    const expected = Object.values(team.members).map((member) => member.email).sort();
    expect(seen.map((edge) => edge.node.user.email).sort()).toEqual(expected);
    expect(new Set(seen.map((edge) => edge.node.id)).size).toBe(5);
    expect(seen.find((edge) => edge.node.userId === team.members.ann.userId)?.node.role).toBe('ADMIN');

    const viewers = dataOf(await send<TenantMembersView>(TENANT_MEMBERS, { token, variables: { filter: { role: 'VIEWER' } } }));
    expect(viewers.tenantMembers.edges.map((edge) => edge.node.userId).sort()).toEqual([team.members.cyd.userId, team.members.dee.userId].sort());
    const bob = dataOf(await send<TenantMembersView>(TENANT_MEMBERS, { token, variables: { filter: { search: team.members.bob.email.slice(0, 8).toUpperCase() } } }));
    expect(bob.tenantMembers.edges.map((edge) => edge.node.userId)).toEqual([team.members.bob.userId]);
    const foreign = dataOf(await send<TenantMembersView>(TENANT_MEMBERS, { token, variables: { filter: { search: 'globex.test' } } }));
    expect(foreign.tenantMembers.totalCount).toBe(0);
  });
});
