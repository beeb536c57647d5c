import { addMember } from '../../src/ops/provisioning/members.js';
import { authRequests, CREATE_ACCOUNT, dataOf, uniqueName, UPDATE_ACCOUNT_CITY } from '../support/auth-requests.js';
import { expectError } from '../support/error-assertions.js';
import { REMOVE_MEMBER } from '../support/member-requests.js';
import { createTeam } from '../support/teams.js';
import { startTestFleet, type TenantSlug, type TestFleet } from '../support/test-fleet.js';

// Reading the trail: `auditLog(first, after, filter)` pages newest first, filters, is for ADMINs,
// OWNERs and platform admins, and never shows one tenant another tenant's rows.

interface AuditNode {
  id: string;
  operation: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detail: string | null;
  createdAt: string;
  actorUserId: string | null;
  actor: { email: string } | null;
}
interface AuditPage {
  auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: AuditNode }[] };
}

const AUDIT_LOG = `query($first: Int, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id operation targetType targetId outcome detail createdAt actorUserId actor { email } } }
  }
}`;

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const { send } = authRequests(() => fleet);

const readLog = (token: string, variables: Record<string, unknown> = {}) => send<AuditPage>(AUDIT_LOG, { token, variables });

/** Every row the caller can see, page by page (`first` rows a page). */
async function everyRow(token: string, filter: Record<string, unknown> | null = null, first = 3): Promise<AuditNode[]> {
  const nodes: AuditNode[] = [];
  let after: string | null = null;
  do {
    const page: AuditPage = dataOf(await readLog(token, { first, after, filter }));
    nodes.push(...page.auditLog.edges.map((edge) => edge.node));
    after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

async function createAccount(token: string): Promise<string> {
  return dataOf(await send<{ createAccount: { id: string } }>(CREATE_ACCOUNT, { token, variables: { name: uniqueName('Trail') } })).createAccount.id;
}

describe('auditLog', () => {
  test('pages newest first and filters by user, operation, target and time', async () => {
    const { tenantId, members } = await createTeam(fleet, { owner: 'OWNER', admin: 'ADMIN' });
    const owner = members.owner.accessToken;
    const first = await createAccount(owner);
    await createAccount(owner);
    const byAdmin = await createAccount(members.admin.accessToken);
    dataOf(await send(UPDATE_ACCOUNT_CITY, { token: owner, variables: { id: first } }));

    const all = await everyRow(members.admin.accessToken, null, 2);
    const stored = await fleet.app.control.client.auditLog.findMany({ where: { tenantId }, orderBy: { id: 'desc' } });
    expect(all.map((node) => node.id)).toEqual(stored.map((written) => written.id.toString()));
    expect(all.map((node) => node.operation)).toEqual(['updateAccount', 'createAccount', 'createAccount', 'createAccount', 'login', 'login']);
    expect(all[0]).toMatchObject({ targetType: 'Account', targetId: first, outcome: 'SUCCESS', actorUserId: members.owner.userId, actor: { email: members.owner.email } });

    const ids = async (filter: Record<string, unknown>) => (await everyRow(owner, filter)).map((node) => node.id);
    const creates = await everyRow(owner, { operation: 'createAccount' });
    expect(creates).toHaveLength(3);
    expect((await everyRow(owner, { userId: members.admin.userId })).map((node) => [node.operation, node.targetId])).toEqual([
      ['createAccount', byAdmin],
      ['login', null],
    ]);
    expect((await everyRow(owner, { targetType: 'Account', targetId: first })).map((node) => node.operation)).toEqual(['updateAccount', 'createAccount']);

    const middle = stored[2];
    const since = middle?.createdAt.toISOString();
    const newer = stored.filter((written) => middle && written.createdAt >= middle.createdAt).map((written) => written.id.toString());
    const older = stored.filter((written) => middle && written.createdAt < middle.createdAt).map((written) => written.id.toString());
    expect(await ids({ since })).toEqual(newer);
    expect(await ids({ until: since })).toEqual(older);
    expect(newer.length + older.length).toBe(stored.length);
  });

  test('keeps naming an actor who has left the tenant', async () => {
    const { members } = await createTeam(fleet, { owner: 'OWNER', leaver: 'MEMBER' });
    const accountId = await createAccount(members.leaver.accessToken);
    dataOf(await send(REMOVE_MEMBER, { token: members.owner.accessToken, variables: { userId: members.leaver.userId } }));
    const [created] = await everyRow(members.owner.accessToken, { targetId: accountId });
    expect(created?.actor).toEqual({ email: members.leaver.email });
  });

  test('bad filters and cursors are BAD_USER_INPUT naming the field', async () => {
    const { members } = await createTeam(fleet, { owner: 'OWNER' });
    const token = members.owner.accessToken;
    const now = new Date().toISOString();
    expectError(await readLog(token, { filter: { since: now, until: now } }), 'BAD_USER_INPUT', /filter.until must be after filter.since/);
    expectError(await readLog(token, { after: 'not-a-cursor' }), 'BAD_USER_INPUT', /after is not a valid cursor/);
    const forged = Buffer.from(JSON.stringify(['audit', '1; DROP TABLE audit_log'])).toString('base64url');
    expectError(await readLog(token, { after: forged }), 'BAD_USER_INPUT', /after is not a valid cursor/);
    expectError(await readLog(token, { first: 0 }), 'BAD_USER_INPUT', /first must be between 1 and 100/);
    expectError(await readLog(token, { filter: { userId: 'someone' } }), 'BAD_USER_INPUT', /userId must be a UUID/);
  });

  test('is refused to MEMBERs and VIEWERs, and open to a platform admin whatever their tenant role', async () => {
    const { slug, tenantId, members } = await createTeam(fleet, { owner: 'OWNER', member: 'MEMBER', viewer: 'VIEWER' });
    expectError(await readLog(members.member.accessToken), 'FORBIDDEN', /needs the ADMIN role or higher in this tenant, or a platform administrator/);
    expectError(await readLog(members.viewer.accessToken), 'FORBIDDEN');

    const platformAdmin = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'admin@tenantgate.test' } });
    await addMember(fleet.app.control.client, { userId: platformAdmin.id, tenantId, role: 'VIEWER' });
    const { accessToken } = await fleet.login('admin@tenantgate.test', slug);
    const rows = dataOf(await readLog(accessToken)).auditLog;
    expect(rows.totalCount).toBe(await fleet.app.control.client.auditLog.count({ where: { tenantId } }));
  });
});

describe('isolation', () => {
  test("no filter, cursor or page shows one tenant another tenant's rows, dedicated or pooled", async () => {
    const slugs: TenantSlug[] = ['acme', 'globex', 'initech', 'umbrella'];
    const tokens = {} as Record<TenantSlug, string>;
    const accounts = {} as Record<TenantSlug, string>;
    const owners = {} as Record<TenantSlug, string>;
    for (const slug of slugs) {
      tokens[slug] = (await fleet.login(`owner@${slug}.test`, slug)).accessToken;
      accounts[slug] = await createAccount(tokens[slug]);
      owners[slug] = (await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: `owner@${slug}.test` } })).id;
    }
    const control = fleet.app.control.client;
    for (const slug of slugs) {
      const own = new Set((await control.auditLog.findMany({ where: { tenantId: fleet.tenants[slug].id }, select: { id: true } })).map((written) => written.id.toString()));
      const seen = await everyRow(tokens[slug], null, 5);
      expect(seen.length).toBe(own.size);
      expect(seen.every((node) => own.has(node.id))).toBe(true);
      expect(seen.map((node) => node.targetId)).toContain(accounts[slug]);

      for (const other of slugs.filter((candidate) => candidate !== slug)) {
        expect(await control.auditLog.count({ where: { targetId: accounts[other] } })).toBe(1);
        expect(dataOf(await readLog(tokens[slug], { filter: { targetId: accounts[other] } })).auditLog.totalCount).toBe(0);
        expect(dataOf(await readLog(tokens[slug], { filter: { userId: owners[other] } })).auditLog.totalCount).toBe(0);
        const foreignCursor = dataOf(await readLog(tokens[other], { first: 1 })).auditLog.pageInfo.endCursor;
        const fromForeignCursor = dataOf(await readLog(tokens[slug], { first: 100, after: foreignCursor })).auditLog.edges;
        expect(fromForeignCursor.every((edge) => own.has(edge.node.id))).toBe(true);
      }
    }
  });
});
