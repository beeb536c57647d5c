import { type ClientBase } from 'pg';
import { type ControlClient } from '../../control/control-client.js';
import { type MoveEvent } from './move-events.js';
import { recordCopyProgress, type MoveRecord } from './move-ledger.js';
import { readRowsAfter, writeRows } from './row-transfer.js';
import { changesOf, syncTenantRows, type SyncOutcome } from './tenant-sync.js';
import { type TableLayout } from './table-layout.js';

/** What the copying phase works with. */
export interface CopyContext {
  control: ControlClient;
  move: MoveRecord;
  source: ClientBase;
  target: ClientBase;
  layouts: TableLayout[];
  batchSize: number;
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
 * Catch-up passes: repeats {@link syncTenantRows} until a pass changes at most `settledAt` rows
 * or `maxPasses` ran. Online (tenant writable) it only shrinks what the read-only pass must do;
 * read-only (source frozen) with `settledAt` 0 it ends when the target equals the source.
 *
 * @returns the summed outcome and whether the last pass met `settledAt`.
 */
export async function catchUp(
  context: CopyContext,
  options: { readOnly: boolean; settledAt: number; maxPasses: number },
): Promise<SyncOutcome & { settled: boolean; passes: number }> {
  const total: SyncOutcome = { upserted: 0, deleted: 0, deferred: 0 };
  for (let pass = 1; pass <= options.maxPasses; pass += 1) {
    if (!options.readOnly) {
      throwIfInterrupted(context.signal);
    }
    const outcome = await syncTenantRows(context.source, context.target, context.layouts, context.move.tenantId, context.batchSize);
    total.upserted += outcome.upserted;
    total.deleted += outcome.deleted;
    total.deferred = outcome.deferred;
    await context.onEvent({ kind: 'catch-up', pass, readOnly: options.readOnly, changes: changesOf(outcome) });
    if (changesOf(outcome) <= options.settledAt && outcome.deferred === 0) {
      return { ...total, settled: true, passes: pass };
    }
  }
  return { ...total, settled: false, passes: options.maxPasses };
}

function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new MoveInterrupted('the move was interrupted; run it again (or with --resume) to continue, or --abort it');
  }
}
