import { type ClientBase } from 'pg';
import { type ControlClient } from '../../control/control-client.js';
import { type MoveEvent } from './move-events.js';
import { recordCopyProgress, type MoveRecord } from './move-ledger.js';
import { readRowsAfter, writeRows } from './row-transfer.js';
import { changesOf, syncTenantRows, type SyncOutcome } from './tenant-sync.js';
import { tableName, type TableLayout } from './table-layout.js';
import { compareTables, type TableVerification } from './move-verify.js';

/** What the copying phase works with. */
export interface CopyContext {
  control: ControlClient;
  move: MoveRecord;
  source: ClientBase;
  target: ClientBase;
  layouts: TableLayout[];
  batchSize: number;
  /**
   * The target is a database this move created, holding no rows but this tenant's: its user
   * triggers (the same-tenant reference checks) are then switched off during the bulk copy, since
   * with no other tenant's rows present every reference the foreign keys accept is the tenant's own.
   */
  ownTarget: boolean;
  onEvent: (event: MoveEvent) => void | Promise<void>;
  signal?: AbortSignal;
}

/** Thrown between batches when the run's signal aborted; the ledger keeps the position. */
export class MoveInterrupted extends Error {
  override readonly name = 'MoveInterrupted';
}

/**
 * The bulk copy: every table in foreign-key order, in batches by primary key, each batch inserted
 * with ON CONFLICT DO NOTHING and its last key recorded in the ledger, so a re-run starts after
 * the last recorded batch and copies nothing twice. Rows a constraint refuses are left to the
 * catch-up (see `WriteOutcome.deferred`).
 */
export async function bulkCopy(context: CopyContext): Promise<void> {
  if (!context.ownTarget) {
    return copyTables(context);
  }
  await setUserTriggers(context, 'DISABLE');
  try {
    await copyTables(context);
  } finally {
    // A killed run leaves them off; the resumed run passes here again before anything else writes.
    await setUserTriggers(context, 'ENABLE');
  }
}

async function setUserTriggers(context: CopyContext, action: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const layout of context.layouts) {
    await context.target.query(`ALTER TABLE ${tableName(layout)} ${action} TRIGGER USER`);
  }
}

async function copyTables(context: CopyContext): Promise<void> {
  for (const layout of context.layouts) {
    const progress = context.move.tables.find((table) => table.tableName === layout.name);
    let position = progress?.position ?? null;
    let copiedRows = progress?.copiedRows ?? 0;
    while (progress?.copied !== true) {
      throwIfInterrupted(context.signal);
      const batch = await readRowsAfter(context.source, layout, context.move.tenantId, position, context.batchSize);
      const written = await writeRows(context.target, layout, batch, 'insert-missing');
      copiedRows += written.written;
      position = batch.last ?? position;
      const copied = batch.count < context.batchSize;
      await recordCopyProgress(context.control, context.move.id, layout.name, { position, copiedRows, copied });
      await context.onEvent({ kind: 'batch', table: layout.name, copiedRows });
      if (copied) {
        break;
      }
    }
    await context.onEvent({ kind: 'table-copied', table: layout.name, rows: copiedRows });
  }
}

/**
 * Catch-up passes. Each compares every table's count and checksum on both sides first, so a table
 * nobody wrote to costs one aggregate per side; only tables that differ get a row-by-row
 * {@link syncTenantRows}. Online (tenant writable) it stops once a pass changes at most
 * `settledAt` rows: it only shrinks what the read-only pass must do. Read-only (source frozen) it
 * stops when a comparison finds every table equal, and that comparison is the verification.
 *
 * @returns the summed changes, the last comparison, and whether it settled within `maxPasses`.
 */
export async function catchUp(
  context: CopyContext,
  options: { readOnly: boolean; settledAt: number; maxPasses: number },
): Promise<{ changes: SyncOutcome; comparison: TableVerification[]; settled: boolean }> {
  const changes: SyncOutcome = { upserted: 0, deleted: 0, deferred: 0 };
  const sides = { source: context.source, target: context.target };
  let comparison: TableVerification[] = [];
  for (let pass = 1; pass <= options.maxPasses; pass += 1) {
    if (!options.readOnly) {
      throwIfInterrupted(context.signal);
    }
    comparison = await compareTables(sides, context.layouts, context.move.tenantId);
    const differing = context.layouts.filter((layout) => comparison.some((table) => table.table === layout.name && !table.equal));
    if (differing.length === 0) {
      return { changes, comparison, settled: true };
    }
    const outcome = await syncTenantRows(context.source, context.target, differing, context.move.tenantId, context.batchSize);
    changes.upserted += outcome.upserted;
    changes.deleted += outcome.deleted;
    changes.deferred = outcome.deferred;
    await context.onEvent({ kind: 'catch-up', pass, readOnly: options.readOnly, changes: changesOf(outcome) });
    if (!options.readOnly && changesOf(outcome) <= options.settledAt && outcome.deferred === 0) {
      return { changes, comparison, settled: true };
    }
  }
  return { changes, comparison: options.readOnly ? await compareTables(sides, context.layouts, context.move.tenantId) : comparison, settled: false };
}

function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new MoveInterrupted('the move was interrupted; run it again (or with --resume) to continue, or --abort it');
  }
}
