import { publishChanges } from '../../control/change-feed.js';
import { badInput } from '../../errors/app-error.js';
import { DatasourceKind, TenantMovePhase } from '../../generated/control/enums.js';
import { dropDatabaseIfExists } from '../provisioning/database-creation.js';
import { decryptDatasourceUrl } from '../provisioning/datasource-registration.js';
import { findTenant } from '../tenants/tenant-catalog.js';
import { maintenanceUrlFor } from '../tenants/tenant-placement.js';
import { purgeTenantRows, type PurgeSummary } from '../tenant-data/tenant-rows.js';
import { findOpenMove, recordPhase } from './move-ledger.js';
import { acquireMoveLock } from './move-lock.js';
import { type TenantMoveDeps } from './tenant-move.js';

/** What {@link abortMove} undid. */
export interface MoveAbortResult {
  moveId: string;
  tenant: string;
  /** Rows removed from the target per table (empty when its database was dropped). */
  removed: PurgeSummary;
  droppedDatabase: string | null;
  /** True when the datasource the move registered for its new database was removed too. */
  datasourceRemoved: boolean;
}

/**
 * Rolls back the tenant's unfinished move: removes what it copied to the target (dropping a
 * database the move created, otherwise deleting the tenant's rows from it, leaving other
 * tenants'), puts the tenant back to the status it had on its source, and closes the ledger row.
 * The source was never changed, so nothing is lost. Re-runnable after a failure.
 *
 * @throws AppError `BAD_USER_INPUT` when there is no unfinished move, or it already switched (the
 *   tenant is served from the target: move it back instead), `NOT_FOUND`.
 */
export async function abortMove(deps: Pick<TenantMoveDeps, 'control' | 'keyRing' | 'controlUrl' | 'onRouteChanged'>, slugOrId: string): Promise<MoveAbortResult> {
  const tenant = await findTenant(deps.control, slugOrId);
  const lock = await acquireMoveLock(deps.controlUrl, tenant.id, tenant.slug);
  try {
    const move = await findOpenMove(deps.control, tenant.id);
    if (move === null) {
      throw badInput(`tenant "${tenant.slug}" has no unfinished move to abort`, 'tenant');
    }
    if (move.phase === TenantMovePhase.SWITCHED || tenant.datasource.id !== move.sourceDatasourceId) {
      throw badInput(`the move of "${tenant.slug}" already switched it to its target; move it back with \`tenants move ${tenant.slug} --to <source>\` instead`, 'tenant');
    }
    const target = await deps.control.datasource.findUnique({ where: { id: move.targetDatasourceId } });
    let removed: PurgeSummary = {};
    let droppedDatabase: string | null = null;
    if (target !== null) {
      const url = decryptDatasourceUrl(deps.keyRing, target);
      const { adminUrl, database } = maintenanceUrlFor(url);
      // Only the database this move created is dropped, and only if the datasource still names it.
      if (move.createdDatabase !== null && database === move.createdDatabase && target.kind === DatasourceKind.DEDICATED) {
        await dropDatabaseIfExists(adminUrl, database);
        droppedDatabase = database;
      } else {
        removed = await purgeTenantRows(url, tenant.id);
      }
    }
    const datasourceRemoved = await deps.control.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenant.id }, data: { status: move.previousStatus } });
      await recordPhase(tx, move.id, TenantMovePhase.ABORTED);
      await publishChanges(tx, { kind: 'tenant', tenantId: tenant.id });
      if (droppedDatabase === null || (await tx.tenant.count({ where: { datasourceId: move.targetDatasourceId } })) > 0) {
        return false;
      }
      await tx.datasource.delete({ where: { id: move.targetDatasourceId } });
      return true;
    });
    await deps.onRouteChanged?.(tenant.id);
    return { moveId: move.id, tenant: tenant.slug, removed, droppedDatabase, datasourceRemoved };
  } finally {
    await lock.release();
  }
}
