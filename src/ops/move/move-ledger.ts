import { type ControlClient } from '../../control/control-client.js';
import { type Prisma, type TenantMove, type TenantMoveTable } from '../../generated/control/client.js';
import { TenantMovePhase } from '../../generated/control/enums.js';

/** A move with its per-table progress, tables in copy order. */
export type MoveRecord = TenantMove & { tables: TenantMoveTable[] };

/** Phases in which a move is still under way (resumable or abortable). */
const OPEN_PHASES: TenantMovePhase[] = [TenantMovePhase.COPYING, TenantMovePhase.READ_ONLY, TenantMovePhase.SWITCHED];

/** The tenant's unfinished move, or null. */
export function findOpenMove(control: ControlClient, tenantId: string): Promise<MoveRecord | null> {
  return control.tenantMove.findFirst({
    where: { tenantId, phase: { in: OPEN_PHASES } },
    include: { tables: { orderBy: { tableName: 'asc' } } },
    orderBy: { startedAt: 'desc' },
  });
}

/** Records the bulk copy's position in one table after a batch. */
export async function recordCopyProgress(control: ControlClient, moveId: string, table: string, progress: { position: string | null; copiedRows: number; copied: boolean }): Promise<void> {
  await control.tenantMoveTable.upsert({
    where: { moveId_tableName: { moveId, tableName: table } },
    create: { moveId, tableName: table, ...progress },
    update: progress,
  });
}

/** Records one table's verification figures. */
export async function recordVerification(
  control: ControlClient,
  moveId: string,
  table: string,
  figures: Pick<TenantMoveTable, 'sourceRows' | 'targetRows' | 'sourceChecksum' | 'targetChecksum'>,
): Promise<void> {
  await control.tenantMoveTable.update({ where: { moveId_tableName: { moveId, tableName: table } }, data: figures });
}

/** Moves the ledger to `phase` (with any other fields), through a writer that may be a transaction. */
export async function recordPhase(control: Prisma.TransactionClient, moveId: string, phase: TenantMovePhase, data: Prisma.TenantMoveUpdateInput = {}): Promise<void> {
  const finished = phase === TenantMovePhase.DONE || phase === TenantMovePhase.ABORTED;
  await control.tenantMove.update({ where: { id: moveId }, data: { ...data, phase, ...(finished ? { finishedAt: new Date() } : {}) } });
}

/** Notes the last failure on the move (credentials already removed by the caller). */
export async function recordFailure(control: ControlClient, moveId: string, message: string): Promise<void> {
  await control.tenantMove.update({ where: { id: moveId }, data: { lastError: message.slice(0, 2000) } });
}
