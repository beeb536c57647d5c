import { badInput } from '../../errors/app-error.js';
import { isUuid } from '../ids.js';

/** A keyset position: the sort value of the last row seen and its id (the tie-breaker). */
export interface CursorPosition {
  value: string | number | null;
  id: string;
}

const INVALID = 'after is not a valid cursor: pass an endCursor or edge cursor from a previous page';

/**
 * Cursors are opaque to clients: base64url of a small JSON triple, tagged with the ordering
 * (field and direction) they were issued for, so one cannot be replayed under another order.
 */
export function encodeCursor(ordering: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([ordering, position.value, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} for the same ordering, or throws BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(INVALID, 'after');
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[2] !== 'string' || !isUuid(decoded[2])) {
    throw badInput(INVALID, 'after');
  }
  if (decoded[0] !== ordering) {
    throw badInput('after was issued for a different orderBy; keep orderBy the same while paging', 'after');
  }
  const value = decoded[1];
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
    throw badInput(INVALID, 'after');
  }
  return { value, id: decoded[2] };
}
