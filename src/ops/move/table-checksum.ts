import { type ClientBase } from 'pg';
import { keyAbove, keyAtMost, keyOrder, keyText } from './row-key.js';
import { columnList, tableName, type TableLayout } from './table-layout.js';

/** A table's rows of one tenant, summarised: equal on both sides means the same rows. */
export interface TableFingerprint {
  rows: number;
  /** md5 over the md5 of every row's text, in key order (`md5('')` for no rows). */
  checksum: string;
}

/**
 * Counts and checksums the tenant's rows of one table. Rows are hashed one by one and the hashes
 * concatenated, so the aggregated text stays 32 bytes a row however wide the rows are.
 */
export async function fingerprintTable(client: ClientBase, layout: TableLayout, tenantId: string): Promise<TableFingerprint> {
  const { rows } = await client.query<{ rows: number; checksum: string }>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(md5(b::text), '' ORDER BY ${keyOrder(layout, 'b')}), '')) AS checksum
       FROM (SELECT ${columnList(layout)} FROM ${tableName(layout)} WHERE tenant_id = $1) b`,
    [tenantId],
  );
  return rows[0] ?? { rows: 0, checksum: '' };
}

/** Key and row hash of up to `limit` rows above `after`, by key; `upTo` bounds the range instead of the limit. */
export async function rowHashes(
  client: ClientBase,
  layout: TableLayout,
  tenantId: string,
  range: { after: string | null; upTo?: string | null; limit?: number },
): Promise<{ key: string; hash: string }[]> {
  const { rows } = await client.query<{ key: string; hash: string }>(
    `SELECT ${keyText(layout, 'b')} AS key, md5(b::text) AS hash
       FROM (SELECT ${columnList(layout)} FROM ${tableName(layout)}
              WHERE tenant_id = $1 AND ($2::text IS NULL OR ${keyAbove(layout, '$2')}) AND ($3::text IS NULL OR ${keyAtMost(layout, '$3')})
              ORDER BY ${keyOrder(layout)} LIMIT $4) b`,
    [tenantId, range.after, range.upTo ?? null, range.limit ?? null],
  );
  return rows;
}
