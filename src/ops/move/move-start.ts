import { badInput } from '../../errors/app-error.js';
import { TenantStatus } from '../../generated/control/enums.js';
import { tenantMigrationsDir } from '../../paths.js';
import { type TenantSummary } from '../tenants/tenant-catalog.js';
import { decryptDatasourceUrl } from '../provisioning/datasource-registration.js';
import { type MoveRecord } from './move-ledger.js';
import { connectMoveSides } from './move-sides.js';
import { prepareMoveTarget } from './move-target.js';
import { fingerprintTable } from './table-checksum.js';
import { type MoveRequest, type TenantMoveDeps } from './tenant-move.js';

/**
 * Starts a new move: checks the request and the target (not the source, same tenant tables, none
 * of the tenant's rows yet), creates a new target database if asked, and records the move.
 */
export async function startMove(deps: TenantMoveDeps, tenant: TenantSummary, request: MoveRequest): Promise<{ move: MoveRecord }> {
  if (request.to === undefined) {
    throw badInput(`tenant "${tenant.slug}" has no unfinished move to resume; say where it goes (--to)`, 'to');
  }
  if (tenant.status === TenantStatus.SUSPENDED) {
    throw badInput(`tenant "${tenant.slug}" is suspended; resume it (or make it read-only) before moving it`, 'tenant');
  }
  const sourceRow = await deps.control.datasource.findUniqueOrThrow({ where: { id: tenant.datasource.id } });
  const source = { name: sourceRow.name, url: decryptDatasourceUrl(deps.keyRing, sourceRow) };
  let tables: string[] = [];
  const { recorded } = await prepareMoveTarget(
    { control: deps.control, keyRing: deps.keyRing, migrationsDir: deps.migrationsDir ?? tenantMigrationsDir },
    tenant.slug,
    request.to,
    {
      check: async (target) => {
        if (target.datasourceId === tenant.datasource.id) {
          throw badInput(`tenant "${tenant.slug}" is already on datasource "${target.name}"`, 'to');
        }
        const sides = await connectMoveSides(source, target);
        try {
          tables = sides.layouts.map((layout) => layout.name);
          for (const layout of sides.layouts) {
            if ((await fingerprintTable(sides.target.client, layout, tenant.id)).rows > 0) {
              throw badInput(`datasource "${target.name}" already holds rows of tenant "${tenant.slug}" (table ${layout.name}); remove them or choose another target`, 'to');
            }
          }
        } finally {
          await sides.close();
        }
      },
      record: async (tx, target) => {
        // Checked again inside the transaction: the lock keeps other moves out, not other writers.
        if ((await tx.tenantMove.count({ where: { tenantId: tenant.id, finishedAt: null } })) > 0) {
          throw badInput(`tenant "${tenant.slug}" already has an unfinished move`, 'tenant');
        }
        return tx.tenantMove.create({
          data: {
            tenantId: tenant.id,
            sourceDatasourceId: tenant.datasource.id,
            targetDatasourceId: target.datasource.id,
            createdDatabase: target.createdDatabase,
            previousStatus: tenant.status,
            purgeSource: request.purgeSource === true,
            tables: { create: tables.map((tableName) => ({ tableName })) },
          },
          include: { tables: true },
        });
      },
    },
  );
  return { move: recorded };
}

/** Continues the tenant's unfinished move; a `to` given again must name the same target. */
export async function resumeMove(deps: TenantMoveDeps, tenant: TenantSummary, open: MoveRecord, request: MoveRequest): Promise<{ move: MoveRecord }> {
  const target = await deps.control.datasource.findUnique({ where: { id: open.targetDatasourceId } });
  const to = request.to;
  const same =
    to === undefined ||
    (to.kind === 'datasource' && (to.datasource === target?.id || to.datasource === target?.name)) ||
    (to.kind === 'new-database' && open.createdDatabase !== null && (to.database === undefined || to.database === open.createdDatabase));
  if (!same) {
    throw badInput(`tenant "${tenant.slug}" has an unfinished move to "${target?.name ?? open.targetDatasourceId}"; resume it, or abort it first`, 'to');
  }
  if (request.purgeSource === true && !open.purgeSource) {
    await deps.control.tenantMove.update({ where: { id: open.id }, data: { purgeSource: true } });
    return { move: { ...open, purgeSource: true } };
  }
  return { move: open };
}
