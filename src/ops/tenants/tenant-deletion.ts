import { publishChanges } from '../../control/change-feed.js';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { badInput } from '../../errors/app-error.js';
import { DatasourceKind, TenantStatus } from '../../generated/control/enums.js';
import { dropDatabaseIfExists } from '../provisioning/database-creation.js';
import { decryptDatasourceUrl } from '../provisioning/datasource-registration.js';
import { purgeTenantRows, type PurgeSummary } from '../tenant-data/tenant-rows.js';
import { findTenant } from './tenant-catalog.js';
import { maintenanceUrlFor } from './tenant-placement.js';

/**
 * What happens to the tenant's business rows:
 * - `drop-database`: drop its dedicated database (refused for a pooled one, which holds others);
 * - `purge-rows`: delete its rows from every table of its datasource, leaving other tenants';
 * - `keep`: leave the rows where they are (an archive the operator removes later).
 */
export type TenantDataDisposal = 'drop-database' | 'purge-rows' | 'keep';

/** What {@link deleteTenant} did. */
export interface TenantDeletionResult {
  slug: string;
  tenantId: string;
  datasource: string;
  data: TenantDataDisposal;
  /** Rows deleted per table for `purge-rows`. */
  purged: PurgeSummary;
  droppedDatabase: string | null;
  /** True when a dedicated datasource row went with its only tenant. */
  datasourceRemoved: boolean;
}

/**
 * Deletes a tenant in an order that can be re-run after any failure: the tenant is suspended
 * first (its requests are refused from then on), then its data is disposed of, and only then are its
 * control-plane rows (memberships, sessions, and a dedicated datasource) removed in one transaction.
 * A run that fails midway leaves a suspended tenant that the next run finishes.
 *
 * @throws AppError `NOT_FOUND`, `BAD_USER_INPUT` for `drop-database` on a pooled datasource,
 *   `TENANT_UNAVAILABLE` when the database cannot be reached.
 */
export async function deleteTenant(
  deps: { control: ControlClient; keyRing: KeyRing },
  slugOrId: string,
  data: TenantDataDisposal,
): Promise<TenantDeletionResult> {
  if (!['drop-database', 'purge-rows', 'keep'].includes(data)) {
    throw badInput('data must be drop-database, purge-rows or keep', 'data');
  }
  const summary = await findTenant(deps.control, slugOrId);
  if (data === 'drop-database' && summary.datasource.kind !== DatasourceKind.DEDICATED) {
    throw badInput(`tenant "${summary.slug}" is on pooled datasource "${summary.datasource.name}", which holds other tenants; use purge-rows`, 'data');
  }
  await deps.control.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: summary.id }, data: { status: TenantStatus.SUSPENDED } });
    await publishChanges(tx, { kind: 'tenant', tenantId: summary.id });
  });
  const datasource = await deps.control.datasource.findUniqueOrThrow({ where: { id: summary.datasource.id } });
  let purged: PurgeSummary = {};
  let droppedDatabase: string | null = null;
  if (data === 'purge-rows') {
    purged = await purgeTenantRows(decryptDatasourceUrl(deps.keyRing, datasource), summary.id);
  } else if (data === 'drop-database') {
    const { adminUrl, database } = maintenanceUrlFor(decryptDatasourceUrl(deps.keyRing, datasource));
    await dropDatabaseIfExists(adminUrl, database);
    droppedDatabase = database;
  }
  const datasourceRemoved = await deps.control.$transaction(async (tx) => {
    await tx.tenant.delete({ where: { id: summary.id } });
    await publishChanges(tx, { kind: 'tenant', tenantId: summary.id });
    if (datasource.kind !== DatasourceKind.DEDICATED || (await tx.tenant.count({ where: { datasourceId: datasource.id } })) > 0) {
      return false;
    }
    await tx.datasource.delete({ where: { id: datasource.id } });
    await publishChanges(tx, { kind: 'datasource', datasourceId: datasource.id, reconnect: true });
    return true;
  });
  return { slug: summary.slug, tenantId: summary.id, datasource: datasource.name, data, purged, droppedDatabase, datasourceRemoved };
}
