import { badInput } from '../../errors/app-error.js';
import { type Page } from './connection.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Page size when `first` is omitted, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type Where = Record<string, unknown>;

/** One keyset-paginated list: the model's findMany/count, the filter and a non-null sort field. */
export interface PaginateOptions<T extends { id: string }> {
  findMany(args: { where: Where; orderBy: Where[]; take: number }): Promise<T[]>;
  count(args: { where: Where }): Promise<number>;
  where: Where;
  sortField: string;
  direction: 'asc' | 'desc';
  first?: number | null;
  after?: string | null;
}

function sortValueOf(row: Record<string, unknown>, field: string): string | number | null {
  const value = row[field];
  if (value instanceof Date) {
    return value.toISOString();
  }
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** Timestamp sort values travel as ISO strings; anything else in a cursor is a forgery. */
function cursorDate(value: string | number | null): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw badInput('after is not a valid cursor: pass an endCursor or edge cursor from a previous page', 'after');
  }
  return date;
}

/** Checks `first` against the page-size limit, with a message that says the limit. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

/**
 * Keyset pagination ordered by (sortField, id): stable under inserts, index-friendly, and the
 * cursor carries the position rather than an offset. `totalCount` counts the whole filter.
 */
export async function paginate<T extends { id: string }>(options: PaginateOptions<T>): Promise<Page<T>> {
  const size = pageSize(options.first);
  const { sortField: field, direction } = options;
  const ordering = `${field}:${direction}`;
  let where = options.where;
  if (options.after) {
    const position = decodeCursor(options.after, ordering);
    const op = direction === 'asc' ? 'gt' : 'lt';
    const value = field.endsWith('At') ? cursorDate(position.value) : position.value;
    where = { AND: [where, { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: position.id } }] }] };
  }
  const [rows, totalCount] = await Promise.all([
    options.findMany({ where, orderBy: [{ [field]: direction }, { id: direction }], take: size + 1 }),
    options.count({ where: options.where }),
  ]);
  const pageRows = rows.slice(0, size);
  const edges = pageRows.map((node) => ({
    node,
    cursor: encodeCursor(ordering, { value: sortValueOf(node as Record<string, unknown>, field), id: node.id }),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
