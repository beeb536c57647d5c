import { badInput } from '../../errors/app-error.js';
import { isUuid } from '../ids.js';

/**
 * A sort value as a cursor carries it: strings, numbers, timestamps and dates, exact decimals
 * (as their string, which Prisma accepts for a Decimal column), big integers, or SQL NULL.
 */
export type SortValue = string | number | Date | bigint | null;

/** A keyset position: the sort value of the last row seen and its id (the tie-breaker). */
export interface CursorPosition {
  value: SortValue;
  id: string;
}

const INVALID = 'after is not a valid cursor: pass an endCursor or edge cursor from a previous page';

type Tag = 's' | 'n' | 'd' | 'b' | 'z';

function tagged(value: SortValue): [Tag, string | number | null] {
  if (value === null) {
    return ['z', null];
  }
  if (value instanceof Date) {
    return ['d', value.toISOString()];
  }
  if (typeof value === 'bigint') {
    return ['b', value.toString()];
  }
  return typeof value === 'number' ? ['n', value] : ['s', value];
}

function untagged(tag: unknown, raw: unknown): SortValue {
  if (tag === 'z' && raw === null) {
    return null;
  }
  if (tag === 'n' && typeof raw === 'number' && Number.isFinite(raw)) {
    return raw;
  }
  if (tag === 's' && typeof raw === 'string') {
    return raw;
  }
  if (tag === 'd' && typeof raw === 'string' && !Number.isNaN(new Date(raw).getTime())) {
    return new Date(raw);
  }
  if (tag === 'b' && typeof raw === 'string' && /^-?\d{1,19}$/.test(raw)) {
    return BigInt(raw);
  }
  throw badInput(INVALID, 'after');
}

/**
 * Cursors are opaque to clients: base64url of a small JSON tuple, tagged with the ordering (field
 * and direction) they were issued for, so one cannot be replayed under another order, and with
 * the sort value's kind, so a date or a NULL comes back as what it was.
 */
export function encodeCursor(ordering: string, position: CursorPosition): string {
  const [tag, value] = tagged(position.value);
  return Buffer.from(JSON.stringify([ordering, tag, value, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} for the same ordering, or throws BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(INVALID, 'after');
  }
  if (!Array.isArray(decoded) || decoded.length !== 4 || typeof decoded[3] !== 'string' || !isUuid(decoded[3])) {
    throw badInput(INVALID, 'after');
  }
  if (decoded[0] !== ordering) {
    throw badInput('after was issued for a different orderBy; keep orderBy the same while paging', 'after');
  }
  return { value: untagged(decoded[1], decoded[2]), id: decoded[3] };
}
