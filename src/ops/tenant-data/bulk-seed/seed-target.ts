import { type ControlClient } from '../../../control/control-client.js';
import { type KeyRing } from '../../../crypto/key-ring.js';
import { badInput } from '../../../errors/app-error.js';
import { TenantStatus } from '../../../generated/control/enums.js';
import { decryptDatasourceUrl } from '../../provisioning/datasource-registration.js';
import { findTenant } from '../../tenants/tenant-catalog.js';

/** A tenant to seed and where its rows live. */
export interface SeedTarget {
  tenantId: string;
  slug: string;
  name: string;
  datasource: { name: string; kind: 'POOLED' | 'DEDICATED'; url: string };
  /** Control-plane user ids of the tenant's members: owners, assignees, authors. */
  members: string[];
}

/**
 * Finds the tenant to seed through the control plane, as the other `tenants` commands do: its
 * datasource's decrypted URL (never printed) and its members, who will own, be assigned and
 * write the seeded rows. Only an ACTIVE tenant is seeded: a suspended one is on its way out, and
 * a read-only one is being moved or kept unchanged on purpose.
 *
 * @throws AppError `NOT_FOUND` for an unknown slug or id, `BAD_USER_INPUT` for a tenant that is not ACTIVE.
 */
export async function resolveSeedTarget(deps: { control: ControlClient; keyRing: KeyRing }, slugOrId: string): Promise<SeedTarget> {
  const tenant = await findTenant(deps.control, slugOrId);
  if (tenant.status !== TenantStatus.ACTIVE) {
    throw badInput(`tenant "${tenant.slug}" is ${tenant.status}; only an ACTIVE tenant is seeded (\`tenants resume ${tenant.slug}\` first)`, 'tenant');
  }
  const datasource = await deps.control.datasource.findUniqueOrThrow({ where: { id: tenant.datasource.id } });
  const members = await deps.control.membership.findMany({ where: { tenantId: tenant.id }, select: { userId: true }, orderBy: { createdAt: 'asc' } });
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    datasource: { name: datasource.name, kind: datasource.kind, url: decryptDatasourceUrl(deps.keyRing, datasource) },
    members: members.map((member) => member.userId),
  };
}
