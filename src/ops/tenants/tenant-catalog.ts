import { type ControlClient } from '../../control/control-client.js';
import { notFound } from '../../errors/app-error.js';
import { type Prisma } from '../../generated/control/client.js';
import { type DatasourceKind, type TenantStatus } from '../../generated/control/enums.js';
import { assertTenantStatus, assertUuid } from '../provisioning/provisioning-input.js';

/** What operators filter the fleet by. Every field is optional; together they are ANDed. */
export interface TenantFilter {
  status?: TenantStatus;
  /** Datasource name, exact. */
  datasource?: string;
  kind?: DatasourceKind;
  /** Part of the slug or name, any case. */
  search?: string;
}

/** The datasource fields a tenant listing shows: never the encrypted URL. */
export const DATASOURCE_SUMMARY = {
  id: true,
  name: true,
  kind: true,
  region: true,
  poolMax: true,
  keyId: true,
  credentialVersion: true,
} as const satisfies Prisma.DatasourceSelect;

/** A tenant as the fleet tools show it. */
export const TENANT_SUMMARY = {
  id: true,
  slug: true,
  name: true,
  status: true,
  schemaVersion: true,
  createdAt: true,
  updatedAt: true,
  datasource: { select: DATASOURCE_SUMMARY },
  _count: { select: { memberships: true } },
} as const satisfies Prisma.TenantSelect;

export type TenantSummary = Prisma.TenantGetPayload<{ select: typeof TENANT_SUMMARY }>;

/** The Prisma where of a {@link TenantFilter}, validating what came untyped from a CLI flag. */
export function tenantWhere(filter: TenantFilter = {}): Prisma.TenantWhereInput {
  if (filter.status !== undefined) {
    assertTenantStatus(filter.status);
  }
  const search = filter.search?.trim();
  return {
    ...(filter.status === undefined ? {} : { status: filter.status }),
    ...(filter.datasource === undefined && filter.kind === undefined
      ? {}
      : { datasource: { ...(filter.datasource === undefined ? {} : { name: filter.datasource }), ...(filter.kind === undefined ? {} : { kind: filter.kind }) } }),
    ...(search ? { OR: [{ slug: { contains: search, mode: 'insensitive' } }, { name: { contains: search, mode: 'insensitive' } }] } : {}),
  };
}

/** Every tenant matching `filter`, by slug (the CLI's `tenants list`). */
export function listTenants(control: ControlClient, filter: TenantFilter = {}): Promise<TenantSummary[]> {
  return control.tenant.findMany({ where: tenantWhere(filter), select: TENANT_SUMMARY, orderBy: { slug: 'asc' } });
}

/**
 * One tenant by slug or id.
 *
 * @throws AppError `NOT_FOUND`.
 */
export async function findTenant(control: ControlClient, slugOrId: string): Promise<TenantSummary> {
  const where = isUuid(slugOrId) ? { id: slugOrId } : { slug: slugOrId };
  const tenant = await control.tenant.findUnique({ where, select: TENANT_SUMMARY });
  if (tenant === null) {
    throw notFound('tenant', slugOrId);
  }
  return tenant;
}

function isUuid(value: string): boolean {
  try {
    assertUuid(value, 'id');
    return true;
  } catch {
    return false;
  }
}
