import { type Page } from './connection.js';
import { decodeCursor, encodeCursor, type CursorPosition, type SortValue } from './cursor.js';

type Where = Record<string, unknown>;

/** Which way a list is sorted. */
export type Direction = 'asc' | 'desc';

/** One keyset ordering: (field, id) in one direction, NULLs of a nullable field last. */
export interface KeysetOrder {
  field: string;
  direction: Direction;
  /** Whether the sort column may be NULL; its NULLs then come last in both directions. */
  nullable: boolean;
}

/** The name a cursor is tagged with, so it cannot be replayed under another order. */
export function orderingOf(order: KeysetOrder): string {
  return `${order.field}:${order.direction}`;
}

/** Prisma's `orderBy` for the ordering: the field, then the id as tie-breaker. */
export function keysetOrderBy(order: KeysetOrder): Where[] {
  const sort = order.nullable ? { sort: order.direction, nulls: 'last' } : order.direction;
  return [{ [order.field]: sort }, { id: order.direction }];
}

/**
 * The rows after a position in (field, id) order with NULLs last: after a value come the greater
 * (or lesser) values, the same value with a greater (lesser) id, then every NULL; after a NULL
 * only the NULLs with a greater (lesser) id. SQL's `field > x` is never true for a NULL, so the
 * NULL branch must be explicit or paging would stop at the first NULL.
 */
function rowsAfter({ field, direction, nullable }: KeysetOrder, position: CursorPosition): Where {
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

/** The filter narrowed to the rows after the cursor `after` (BAD_USER_INPUT if it is not one of this ordering's). */
export function keysetWhere(order: KeysetOrder, where: Where, after: string | null | undefined): Where {
  if (!after) {
    return where;
  }
  const position = rowsAfter(order, decodeCursor(after, orderingOf(order)));
  return Object.keys(where).length ? { AND: [where, position] } : position;
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

/**
 * A page from the rows read with `take: size + 1`: the extra row only says that another page
 * follows. `totalCount` is there when it was counted (only when a client selected it).
 */
export function pageOf<T extends { id: string }>(rows: T[], size: number, order: KeysetOrder, totalCount?: number): Page<T> {
  const ordering = orderingOf(order);
  const edges = rows.slice(0, size).map((node) => ({
    node,
    cursor: encodeCursor(ordering, { value: sortValueOf(node as Record<string, unknown>, order.field), id: node.id }),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
