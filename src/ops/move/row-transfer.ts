import { type ClientBase } from 'pg';
import { quoteIdentifier } from '../migrations/migration-connection.js';
import { errorDetails } from '../migrations/migration-error.js';
import { keyAbove, keyColumnList, keyIn, keyOrder, keyText } from './row-key.js';
import { columnList, tableName, type TableLayout } from './table-layout.js';

/** Rows of one table as one JSON array text, passed between databases without being parsed. */
export interface RowBatch {
  json: string;
  count: number;
  /** Primary key of the last row, as text (see `row-key.ts`); null for an empty batch. */
  last: string | null;
}

/**
 * Up to `limit` rows of the tenant with a key above `after` (all when `after` is null), by key.
 * Rows travel as `json_agg` text and are written back with `json_populate_recordset`, so every
 * column type (enums, numerics, timestamps, arrays) round-trips exactly without per-type code.
 */
export async function readRowsAfter(client: ClientBase, layout: TableLayout, tenantId: string, after: string | null, limit: number): Promise<RowBatch> {
  const { rows } = await client.query<{ json: string | null; count: number; last: string | null }>(
    `SELECT json_agg(b ORDER BY ${keyOrder(layout, 'b')})::text AS json, count(*)::int AS count,
            (array_agg(${keyText(layout, 'b')} ORDER BY ${keyOrder(layout, 'b', 'DESC')}))[1] AS last
       FROM (SELECT ${columnList(layout)} FROM ${tableName(layout)}
              WHERE tenant_id = $1 AND ($2::text IS NULL OR ${keyAbove(layout, '$2')})
              ORDER BY ${keyOrder(layout)} LIMIT $3) b`,
    [tenantId, after, limit],
  );
  const row = rows[0];
  return { json: row?.json ?? '[]', count: row?.count ?? 0, last: row?.last ?? null };
}

/** The tenant's rows with these keys, as a batch. */
export async function readRowsByKey(client: ClientBase, layout: TableLayout, tenantId: string, keys: string[]): Promise<RowBatch> {
  const { rows } = await client.query<{ json: string | null; count: number }>(
    `SELECT json_agg(b)::text AS json, count(*)::int AS count
       FROM (SELECT ${columnList(layout)} FROM ${tableName(layout)} WHERE tenant_id = $1 AND ${keyIn(layout, '$2')}) b`,
    [tenantId, keys],
  );
  return { json: rows[0]?.json ?? '[]', count: rows[0]?.count ?? 0, last: null };
}

/**
 * How rows are written: `insert-missing` leaves a row whose key exists (the bulk copy, re-runnable),
 * `upsert` overwrites it (the catch-up, which sends only rows that differ).
 */
export type WriteMode = 'insert-missing' | 'upsert';

/** What {@link writeRows} did. */
export interface WriteOutcome {
  written: number;
  /**
   * Rows refused by a foreign key or unique constraint and left for the next catch-up pass: a row
   * whose parent was inserted after that parent's table was copied, or a unique value another row
   * held on the target until the catch-up deleted it.
   */
  deferred: number;
}

// foreign_key_violation (the same-tenant triggers use it too) and unique_violation.
const DEFERRABLE = new Set(['23503', '23505']);

/**
 * Writes a batch to the target in one statement; when a constraint refuses it, falls back to one
 * row at a time (each under a savepoint) and defers the refused rows instead of failing.
 */
export async function writeRows(client: ClientBase, layout: TableLayout, batch: RowBatch, mode: WriteMode): Promise<WriteOutcome> {
  if (batch.count === 0) {
    return { written: 0, deferred: 0 };
  }
  try {
    const { rowCount } = await client.query(insertSql(layout, 'json_populate_recordset', mode), [batch.json]);
    return { written: rowCount ?? 0, deferred: 0 };
  } catch (error) {
    if (!DEFERRABLE.has(errorDetails(error).code ?? '')) {
      throw error;
    }
  }
  return writeOneByOne(client, layout, JSON.parse(batch.json) as unknown[], mode);
}

async function writeOneByOne(client: ClientBase, layout: TableLayout, rows: unknown[], mode: WriteMode): Promise<WriteOutcome> {
  const sql = insertSql(layout, 'json_populate_record', mode);
  const outcome: WriteOutcome = { written: 0, deferred: 0 };
  await client.query('BEGIN');
  try {
    for (const row of rows) {
      await client.query('SAVEPOINT move_row');
      try {
        outcome.written += (await client.query(sql, [JSON.stringify(row)])).rowCount ?? 0;
        await client.query('RELEASE SAVEPOINT move_row');
      } catch (error) {
        if (!DEFERRABLE.has(errorDetails(error).code ?? '')) {
          throw error;
        }
        await client.query('ROLLBACK TO SAVEPOINT move_row');
        outcome.deferred += 1;
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return outcome;
}

function insertSql(layout: TableLayout, from: 'json_populate_recordset' | 'json_populate_record', mode: WriteMode): string {
  const columns = columnList(layout);
  const updates = layout.columns
    .filter((column) => !layout.key.columns.includes(column))
    .map((column) => `${quoteIdentifier(column)} = EXCLUDED.${quoteIdentifier(column)}`)
    .join(', ');
  // The WHERE keeps an upsert from ever overwriting another tenant's row that holds the same key
  // in a pooled target; such a row is left alone, and verification then reports the table.
  const conflict = mode === 'upsert' && updates.length > 0 ? `DO UPDATE SET ${updates} WHERE ${tableName(layout)}.tenant_id = EXCLUDED.tenant_id` : 'DO NOTHING';
  return `INSERT INTO ${tableName(layout)} (${columns}) SELECT ${columns} FROM ${from}(NULL::${tableName(layout)}, $1::json) ON CONFLICT (${keyColumnList(layout)}) ${conflict}`;
}

/** Deletes the tenant's rows with these keys from one table. */
export async function deleteRowsByKey(client: ClientBase, layout: TableLayout, tenantId: string, keys: string[]): Promise<number> {
  if (keys.length === 0) {
    return 0;
  }
  const { rowCount } = await client.query(
    `DELETE FROM ${tableName(layout)} WHERE tenant_id = $1 AND ${keyIn(layout, '$2')}`,
    [tenantId, keys],
  );
  return rowCount ?? 0;
}
