import { addMember } from '../../src/ops/provisioning/members.js';
import { type TestFleet } from './test-fleet.js';

/**
 * Signs in the test fleet's platform admin. A platform admin signs in through a tenant like anyone
 * (here acme, as a VIEWER); the flag, not the role, opens the admin API.
 */
export async function platformAdminSession(fleet: TestFleet): Promise<{ userId: string; token: string }> {
  const control = fleet.app.control.client;
  const admin = await control.user.findUniqueOrThrow({ where: { email: 'admin@tenantgate.test' } });
  await addMember(control, { userId: admin.id, tenantId: fleet.tenants.acme.id, role: 'VIEWER' });
  return { userId: admin.id, token: (await fleet.login('admin@tenantgate.test', 'acme')).accessToken };
}
