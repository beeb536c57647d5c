import { publishChanges } from '../../control/change-feed.js';
import { type ControlClient } from '../../control/control-client.js';
import { type TenantStatus } from '../../generated/control/enums.js';
import { assertTenantStatus } from '../provisioning/provisioning-input.js';
import { findTenant, TENANT_SUMMARY, type TenantSummary } from './tenant-catalog.js';

/** What {@link setTenantStatus} changed. */
export interface TenantStatusChange {
  tenant: TenantSummary;
  previous: TenantStatus;
  changed: boolean;
}

/**
 * Sets a tenant's status: `SUSPENDED` refuses its requests (FORBIDDEN), `READ_ONLY` serves reads and
 * refuses writes (TENANT_READ_ONLY), `ACTIVE` serves both. The change is published to every gateway
 * with the commit (see `publishChanges`), so each one drops the tenant's cached route and applies it
 * to the next request; setting the status it already has is a no-op.
 *
 * @throws AppError `NOT_FOUND`, `BAD_USER_INPUT` for an unknown status.
 */
export async function setTenantStatus(control: ControlClient, slugOrId: string, status: TenantStatus): Promise<TenantStatusChange> {
  assertTenantStatus(status);
  const current = await findTenant(control, slugOrId);
  if (current.status === status) {
    return { tenant: current, previous: status, changed: false };
  }
  const tenant = await control.$transaction(async (tx) => {
    const updated = await tx.tenant.update({ where: { id: current.id }, data: { status }, select: TENANT_SUMMARY });
    await publishChanges(tx, { kind: 'tenant', tenantId: current.id });
    return updated;
  });
  return { tenant, previous: current.status, changed: true };
}
