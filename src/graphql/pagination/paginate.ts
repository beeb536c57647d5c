import { badInput } from '../../errors/app-error.js';
import { type Page } from './connection.js';
import { decodeCursor, encodeCursor, type CursorPosition, type SortValue } from './cursor.js';

/** Page size when `first` is omitted, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type Where = Record<string, unknown>;
type Direction = 'asc' | 'desc';

/** One keyset-paginated list: the model's findMany/count, the filter and the sort field. */
export interface PaginateOptions<T extends { id: string }> {
  findMany(args: { where: Where; orderBy: Where[]; take: number }): Promise<T[]>;
  count(args: { where: Where }): Promise<number>;
  where: Where;
  sortField: string;
  direction: Direction;
  /** Whether the sort column may be NULL; its NULLs then come last in both directions. */
  nullable?: boolean;
  first?: number | null;
  after?: string | null;
}

/** A row's sort value as a cursor keeps it; a Prisma Decimal travels as its exact string. */
function sortValueOf(row: Record<string, unknown>, field: string): SortValue {
  const value = row[field];
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return value;
  }
  return String(value);
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
 * The rows after a position in (field, id) order with NULLs last: after a value come the greater
 * (or lesser) values, the same value with a greater (lesser) id, then every NULL; after a NULL
 * only the NULLs with a greater (lesser) id. SQL's `field > x` is never true for a NULL, so the
 * NULL branch must be explicit or paging would stop at the first NULL.
 */
function after(field: string, direction: Direction, position: CursorPosition, nullable: boolean): Where {
  const op = direction === 'asc' ? 'gt' : 'lt';
  if (position.value === null) {
    return { [field]: null, id: { [op]: position.id } };
  }
  const branches: Where[] = [{ [field]: { [op]: position.value } }, { [field]: position.value, id: { [op]: position.id } }];
  if (nullable) {
    branches.push({ [field]: null });
  }
  return { OR: branches };
}

/**
 * Keyset pagination ordered by (sortField, id): stable under inserts, index-friendly, and the
 * cursor carries the position rather than an offset. `totalCount` counts the whole filter.
 */
export async function paginate<T extends { id: string }>(options: PaginateOptions<T>): Promise<Page<T>> {
  const size = pageSize(options.first);
  const { sortField: field, direction } = options;
  const nullable = options.nullable ?? false;
  const ordering = `${field}:${direction}`;
  let where = options.where;
  if (options.after) {
    where = { AND: [where, after(field, direction, decodeCursor(options.after, ordering), nullable)] };
  }
  const sort = nullable ? { sort: direction, nulls: 'last' } : direction;
  const [rows, totalCount] = await Promise.all([
    options.findMany({ where, orderBy: [{ [field]: sort }, { id: direction }], take: size + 1 }),
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
