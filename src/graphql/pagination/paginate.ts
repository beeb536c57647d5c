import { badInput } from '../../errors/app-error.js';
import { type Page } from './connection.js';
import { keysetOrderBy, keysetWhere, pageOf, type KeysetOrder } from './keyset.js';

/** Page size when `first` is omitted, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type Where = Record<string, unknown>;

/** One keyset-paginated list: the model's findMany/count, the filter and the order. */
export interface PaginateOptions<T extends { id: string }> {
  findMany(args: { where: Where; orderBy: Where[]; take: number }): Promise<T[]>;
  count(args: { where: Where }): Promise<number>;
  where: Where;
  order: KeysetOrder;
  first?: number | null;
  after?: string | null;
  /** Whether to count the whole filter for `totalCount`: only when the client selected it. */
  countTotal: boolean;
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
 * Keyset pagination ordered by (field, id): stable under inserts, index-friendly, and the cursor
 * carries the position rather than an offset. `totalCount` counts the whole filter, and only
 * when asked: on a big tenant a count is the most expensive statement of a page.
 */
export async function paginate<T extends { id: string }>(options: PaginateOptions<T>): Promise<Page<T>> {
  const size = pageSize(options.first);
  const where = keysetWhere(options.order, options.where, options.after);
  const [rows, totalCount] = await Promise.all([
    options.findMany({ where, orderBy: keysetOrderBy(options.order), take: size + 1 }),
    options.countTotal ? options.count({ where: options.where }) : undefined,
  ]);
  return pageOf(rows, size, options.order, totalCount);
}
