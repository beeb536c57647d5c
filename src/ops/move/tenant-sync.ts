import { type ClientBase } from 'pg';
import { deleteRowsByKey, readRowsByKey, writeRows } from './row-transfer.js';
import { rowHashes } from './table-checksum.js';
import { type TableLayout } from './table-layout.js';

/** What one catch-up pass changed on the target. */
export interface SyncOutcome {
  /** Rows inserted or overwritten because they were missing or differed. */
  upserted: number;
  /** Rows the source no longer has. */
  deleted: number;
  /** Rows a constraint refused this pass (see `WriteOutcome.deferred`); another pass retries them. */
  deferred: number;
}

/** Sum of a pass's changes: zero means the target already equalled the source. */
export const changesOf = (outcome: SyncOutcome) => outcome.upserted + outcome.deleted + outcome.deferred;

/**
 * One catch-up pass: makes the tenant's rows on the target equal to the source's by comparing a
 * hash of every row, chunk by chunk in key order (memory stays bounded by `chunkSize`). Missing and
 * changed rows are upserted table by table in foreign-key order; rows gone from the source are
 * deleted afterwards, children before parents. Safe to repeat, and cheap when little changed.
 */
export async function syncTenantRows(
  source: ClientBase,
  target: ClientBase,
  layouts: TableLayout[],
  tenantId: string,
  chunkSize: number,
): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { upserted: 0, deleted: 0, deferred: 0 };
  const gone = new Map<TableLayout, string[]>();
  for (const layout of layouts) {
    gone.set(layout, await upsertDifferences(source, target, layout, tenantId, chunkSize, outcome));
  }
  for (const layout of [...layouts].reverse()) {
    outcome.deleted += await deleteRowsByKey(target, layout, tenantId, gone.get(layout) ?? []);
  }
  return outcome;
}

/** Upserts one table's missing and changed rows; returns the keys the source no longer has. */
async function upsertDifferences(
  source: ClientBase,
  target: ClientBase,
  layout: TableLayout,
  tenantId: string,
  chunkSize: number,
  outcome: SyncOutcome,
): Promise<string[]> {
  const gone: string[] = [];
  let after: string | null = null;
  for (;;) {
    const sourceRows = await rowHashes(source, layout, tenantId, { after, limit: chunkSize });
    const exhausted = sourceRows.length < chunkSize;
    const upTo = exhausted ? null : (sourceRows.at(-1)?.key ?? null);
    const targetRows = new Map((await rowHashes(target, layout, tenantId, { after, upTo })).map((row) => [row.key, row.hash]));
    const differing = sourceRows.filter((row) => targetRows.get(row.key) !== row.hash).map((row) => row.key);
    for (const row of sourceRows) {
      targetRows.delete(row.key);
    }
    gone.push(...targetRows.keys());
    if (differing.length > 0) {
      const written = await writeRows(target, layout, await readRowsByKey(source, layout, tenantId, differing), 'upsert');
      outcome.upserted += written.written;
      // Rows the source deleted between the two reads count as deferred too: the next pass sees them gone.
      outcome.deferred += differing.length - written.written;
    }
    if (exhausted) {
      return gone;
    }
    after = upTo;
  }
}
