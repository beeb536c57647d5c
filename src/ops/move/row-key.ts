import { quoteIdentifier } from '../migrations/migration-connection.js';
import { type TableLayout } from './table-layout.js';

/**
 * SQL for a table's primary key, one column or several. A key travels as text: a single column's
 * own text (what moves recorded before composite keys were supported, so they still resume), or the
 * JSON array of a composite key's values, e.g. `["9b2…", 3]`. Values are compared as row values,
 * `(a, b) > (x, y)`, which is the order `ORDER BY a, b` walks.
 */
const columns = (layout: TableLayout, alias?: string) => layout.key.columns.map((column) => (alias ? `${alias}.` : '') + quoteIdentifier(column));

const composite = (layout: TableLayout) => layout.key.columns.length > 1;

/** The key's values as SQL casts of the text parameter `param` (e.g. `$2`). */
function valuesOf(layout: TableLayout, param: string): string {
  if (!composite(layout)) {
    return `${param}::${layout.key.types[0]}`;
  }
  return `(${layout.key.types.map((type, i) => `((${param})::json->>${i})::${type}`).join(', ')})`;
}

const tuple = (layout: TableLayout, alias?: string) => (composite(layout) ? `(${columns(layout, alias).join(', ')})` : (columns(layout, alias)[0] as string));

/** `ORDER BY` list of the key, ascending or descending. */
export const keyOrder = (layout: TableLayout, alias?: string, direction: 'ASC' | 'DESC' = 'ASC') =>
  columns(layout, alias).map((column) => `${column} ${direction}`).join(', ');

/** The key as text (see above). */
export const keyText = (layout: TableLayout, alias: string) =>
  composite(layout) ? `json_build_array(${columns(layout, alias).join(', ')})::text` : `${columns(layout, alias)[0]}::text`;

/** The quoted key columns, for `ON CONFLICT (…)`. */
export const keyColumnList = (layout: TableLayout) => columns(layout).join(', ');

/** True for rows whose key sorts after the key text in `param`. */
export const keyAbove = (layout: TableLayout, param: string) => `${tuple(layout)} > ${valuesOf(layout, param)}`;

/** True for rows whose key sorts at or before the key text in `param`. */
export const keyAtMost = (layout: TableLayout, param: string) => `${tuple(layout)} <= ${valuesOf(layout, param)}`;

/** True for rows whose key is one of the key texts of the `text[]` parameter `param`. */
export function keyIn(layout: TableLayout, param: string): string {
  if (!composite(layout)) {
    return `${tuple(layout)} = ANY(${param}::${layout.key.types[0]}[])`;
  }
  return `${tuple(layout)} IN (SELECT ${valuesOf(layout, 'k').slice(1, -1)} FROM unnest(${param}::text[]) AS k)`;
}
