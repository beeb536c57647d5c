import { Prisma } from '../../generated/tenant/client.js';
import { type SearchedTable } from './search-statement.js';

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Turns a row the search statement sent as JSON (`to_jsonb`, snake_case columns) into the shape
 * Prisma returns for the same row (camelCase fields, `Decimal` money, `Date` times), so the
 * entity types and their relation resolvers read it like any other row.
 */
export function prismaRow(table: SearchedTable, json: Record<string, unknown>): Record<string, unknown> & { id: string } {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(json)) {
    if (value === null) {
      row[camelCase(column)] = null;
    } else if (table.decimals.includes(column)) {
      row[camelCase(column)] = new Prisma.Decimal(String(value));
    } else if (table.dates.includes(column)) {
      row[camelCase(column)] = new Date(String(value));
    } else {
      row[camelCase(column)] = value;
    }
  }
  return row as Record<string, unknown> & { id: string };
}
