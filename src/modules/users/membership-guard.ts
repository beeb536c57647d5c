import { type ControlClient } from '../../control/control-client.js';
import { badInput } from '../../errors/app-error.js';

/** Refuses a user reference (owner, assignee) to someone who is not a member of the tenant. */
export async function assertTenantMember(control: ControlClient, tenantId: string, userId: string, field: string): Promise<void> {
  const membership = await control.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } }, select: { id: true } });
  if (!membership) {
    throw badInput(`${field} must be the id of a member of this tenant`, field);
  }
}
