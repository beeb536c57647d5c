import { type ClientBase } from 'pg';
import { badInput } from '../../errors/app-error.js';
import { quoteIdentifier } from '../migrations/migration-connection.js';
import { type TenantTable } from '../tenant-data/table-order.js';

/** What a move needs to know of one tenant table: its columns and its primary key. */
export interface TableLayout {
  name: string;
  /** Column names in table order, generated columns left out (they are computed, not copied). */
  columns: string[];
  /** `format_type` of each column, to compare source and target. */
  types: string[];
  /**
   * The primary key's columns in key order (one or several) and the `format_type` of each, to cast
   * positions back from text, e.g. `uuid`. Rows are matched between databases by it.
   */
  key: { columns: string[]; types: string[] };
}

/**
 * Reads the layout of `tables` (in the order given, normally foreign-key order) from the catalog.
 *
 * @throws AppError `BAD_USER_INPUT` naming a table without a primary key: rows are matched between
 *   databases by it, so a move refuses rather than guess.
 */
export async function readTableLayouts(client: ClientBase, tables: TenantTable[]): Promise<TableLayout[]> {
  const names = tables.map((table) => table.name);
  const { rows: columns } = await client.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [names],
  );
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ANY($1)
      GROUP BY c.relname`,
    [names],
  );
  return names.map((name) => {
    const own = columns.filter((column) => column.table === name);
    const key = keys.find((entry) => entry.table === name)?.columns ?? [];
    const keyColumns = key.map((column) => own.find((candidate) => candidate.column === column));
    if (key.length === 0 || keyColumns.some((column) => column === undefined)) {
      throw badInput(`table "${name}" has no primary key; a move matches rows between databases by it, so give the table one (several columns are fine)`, 'table');
    }
    return {
      name,
      columns: own.map((c) => c.column),
      types: own.map((c) => c.type),
      key: { columns: key, types: keyColumns.map((column) => column?.type ?? '') },
    };
  });
}

/**
 * Refuses a target whose tenant tables differ from the source's (another schema version): rows
 * would not fit, and checksums of differently shaped rows could never agree.
 *
 * @throws AppError `BAD_USER_INPUT` naming the first difference.
 */
export function assertSameLayouts(source: TableLayout[], target: TableLayout[]): void {
  const targetByName = new Map(target.map((layout) => [layout.name, layout]));
  const missing = source.filter((layout) => !targetByName.has(layout.name)).map((layout) => layout.name);
  const extra = target.filter((layout) => !source.some((s) => s.name === layout.name)).map((layout) => layout.name);
  if (missing.length > 0 || extra.length > 0) {
    throw badInput(`the target's tenant tables differ from the source's (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}); migrate both to the same schema version`, 'to');
  }
  for (const layout of source) {
    const other = targetByName.get(layout.name) as TableLayout;
    const shape = (l: TableLayout) => l.columns.map((column, i) => `${column} ${l.types[i]}`).join(', ');
    if (shape(layout) !== shape(other)) {
      throw badInput(`table "${layout.name}" has other columns on the target (${shape(other)}) than on the source (${shape(layout)}); migrate both to the same schema version`, 'to');
    }
  }
}

/** The quoted column list of a layout, for SELECT and INSERT. */
export const columnList = (layout: TableLayout) => layout.columns.map(quoteIdentifier).join(', ');

/** `"table"`, quoted; names come from the catalog, never from input. */
export const tableName = (layout: TableLayout) => quoteIdentifier(layout.name);
