import { authRequests, ACCOUNTS, CREATE_ACCOUNT, dataOf, ME, REFRESH, uniqueName, type MeView } from '../support/auth-requests.js';
import { expectError } from '../support/error-assertions.js';
import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { ADD_MEMBER, REMOVE_MEMBER, SET_ROLE, TENANT_MEMBERS } from '../support/member-requests.js';
import { createTeam } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// When a membership change takes effect, and that concurrent changes never leave a tenant without
// an OWNER. The membership cache lasts ten minutes here, so a change that applies at once does so
// because member management forgets the cached membership, not because the cache ran out.

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet({ auth: { membershipCacheTtlMs: 10 * 60_000 } });
});
afterAll(async () => {
  await fleet?.close();
});

const { send } = authRequests(() => fleet);

const ownerCount = (tenantId: string) => fleet.app.control.client.membership.count({ where: { tenantId, role: 'OWNER' } });
const createAccount = (token: string) => send(CREATE_ACCOUNT, { token, variables: { name: uniqueName('effect') } });

describe("a membership change applies to the member's next request", () => {
  test('a role written behind the gateway waits for the cache; the same role given through setMemberRole applies at once', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER', viewer: 'VIEWER' });
    const viewer = members.viewer.accessToken;
    dataOf(await send(ACCOUNTS, { token: viewer }));
    await fleet.app.control.client.membership.update({ where: { userId_tenantId: { userId: members.viewer.userId, tenantId } }, data: { role: 'MEMBER' } });
    expectError(await createAccount(viewer), 'FORBIDDEN');

    dataOf(await send(SET_ROLE, { token: members.owner.accessToken, variables: { userId: members.viewer.userId, role: 'MEMBER' } }));
    dataOf(await createAccount(viewer));
  });

  test('a demoted member keeps reading but can no longer write or manage', async () => {
    const { members } = await createTeam(fleet, { owner: 'OWNER', admin: 'ADMIN', member: 'MEMBER' });
    const admin = members.admin.accessToken;
    const member = members.member.accessToken;
    dataOf(await createAccount(member));
    dataOf(await send(SET_ROLE, { token: admin, variables: { userId: members.member.userId, role: 'VIEWER' } }));
    expectError(await createAccount(member), 'FORBIDDEN', /needs the MEMBER role/);
    dataOf(await send(ACCOUNTS, { token: member }));

    dataOf(await send(SET_ROLE, { token: members.owner.accessToken, variables: { userId: members.admin.userId, role: 'VIEWER' } }));
    expectError(await send(SET_ROLE, { token: admin, variables: { userId: members.member.userId, role: 'MEMBER' } }), 'FORBIDDEN', /needs the ADMIN role/);
    expectError(await createAccount(admin), 'FORBIDDEN', /needs the MEMBER role/);
    dataOf(await send(ACCOUNTS, { token: admin }));
    expect(dataOf(await send<MeView>(ME, { token: admin })).me.role).toBe('VIEWER');
  });

  test('a removed member is refused on the next request and their sessions end; re-added, their token works again', async () => {
    const { slug, members } = await createTeam(fleet, { owner: 'OWNER', member: 'MEMBER' });
    const member = members.member;
    dataOf(await send(ACCOUNTS, { token: member.accessToken }));
    dataOf(await send(REMOVE_MEMBER, { token: members.owner.accessToken, variables: { userId: member.userId } }));

    for (const query of [ACCOUNTS, TENANT_MEMBERS, ME]) {
      const refused = await send(query, { token: member.accessToken });
      expect(refused.status).toBe(403);
      expectError(refused, 'FORBIDDEN', /no longer a member of this tenant/);
    }

    dataOf(await send(ADD_MEMBER, { token: members.owner.accessToken, variables: { email: member.email, role: 'VIEWER' } }));
    expect(dataOf(await send<MeView>(ME, { token: member.accessToken })).me).toMatchObject({ role: 'VIEWER', tenant: { slug } });
    // The session from before the removal stays ended: a kept refresh token does not come back to life.
    expect(codesOf(await send(REFRESH, { variables: { refreshToken: member.refreshToken } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('concurrent changes never leave a tenant without an OWNER', () => {
  type Outcome = 'ok' | string;
  const outcomeOf = (result: GraphQLResult<unknown>): Outcome => (result.errors.length === 0 ? 'ok' : String(result.errors[0]?.extensions?.code));

  // Each pair runs at once, many times over: without the tenant lock both sides read two OWNERs
  // and both go through, which some rounds would show.
  const races: [string, (a: string, b: string) => [string, Record<string, unknown>][]][] = [
    ['two OWNERs demote each other', (a, b) => [[SET_ROLE, { userId: b, role: 'ADMIN' }], [SET_ROLE, { userId: a, role: 'ADMIN' }]]],
    ['two OWNERs demote themselves', (a, b) => [[SET_ROLE, { userId: a, role: 'MEMBER' }], [SET_ROLE, { userId: b, role: 'MEMBER' }]]],
    ['two OWNERs remove each other', (a, b) => [[REMOVE_MEMBER, { userId: b }], [REMOVE_MEMBER, { userId: a }]]],
  ];

  test.each(races)('%s: one change wins, the other is refused', async (_label, requests) => {
    for (let round = 0; round < 8; round += 1) {
      const { tenantId, members } = await createTeam(fleet, { a: 'OWNER', b: 'OWNER' });
      const [first, second] = requests(members.a.userId, members.b.userId);
      const results = await Promise.all([
        send(first[0], { token: members.a.accessToken, variables: first[1] }),
        send(second[0], { token: members.b.accessToken, variables: second[1] }),
      ]);
      const outcomes = results.map(outcomeOf).sort();
      expect(outcomes[1]).toBe('ok');
      expect(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND']).toContain(outcomes[0]);
      expect(await ownerCount(tenantId)).toBe(1);
    }
  });
});
