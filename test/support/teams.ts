import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password-hasher.js';
import { type MembershipRole } from '../../src/generated/control/enums.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { TEST_PASSWORD, type TestFleet } from './test-fleet.js';

/** One signed-in member of a {@link Team}. */
export interface TeamMember {
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** A fresh tenant of its own, so each test knows exactly who its members and OWNERs are. */
export interface Team<TName extends string> {
  tenantId: string;
  slug: string;
  members: Record<TName, TeamMember>;
}

let passwordHash: Promise<string> | undefined;

/** Hashed once per suite, cheaply: these users exist only for the test. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD, { logN: 10, r: 8, p: 1 });
  return passwordHash;
}

/** A user with the test password who belongs to no tenant yet. */
export async function createLooseUser(fleet: TestFleet, label: string): Promise<{ id: string; email: string }> {
  const email = `${label}-${randomBytes(4).toString('hex')}@team.test`;
  const user = await upsertUser(fleet.app.control.client, { email, displayName: label, passwordHash: await testPasswordHash() });
  return { id: user.id, email };
}

/**
 * Provisions a tenant on the fleet's pooled datasource (the product's own provisioning, so
 * business queries work there too), gives each named user its role, and signs each one in.
 */
export async function createTeam<TName extends string>(fleet: TestFleet, roles: Record<TName, MembershipRole>): Promise<Team<TName>> {
  const slug = `team-${randomBytes(4).toString('hex')}`;
  const { tenant } = await provisionTenant(
    { control: fleet.app.control.client, keyRing: fleet.config.keyRing },
    { slug, name: `${slug} test team`, datasource: { id: fleet.tenants.initech.datasourceId } },
  );
  const members = {} as Record<TName, TeamMember>;
  for (const [name, role] of Object.entries(roles) as [TName, MembershipRole][]) {
    const user = await createLooseUser(fleet, name);
    await addMember(fleet.app.control.client, { userId: user.id, tenantId: tenant.id, role });
    const tokens = await fleet.login(user.email, slug);
    members[name] = { userId: user.id, email: user.email, ...tokens };
  }
  return { tenantId: tenant.id, slug, members };
}
