import { badInput } from '../../errors/app-error.js';

/** A keyset position: the sort value of the last row seen and its id (the tie-breaker). */
export interface CursorPosition {
  value: string | number | null;
  id: string;
}

/** Cursors are opaque to clients: base64url of a small JSON pair, tagged with the sort field. */
export function encodeCursor(field: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([field, position.value, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} for the same sort field, or throws BAD_USER_INPUT. */
export function decodeCursor(cursor: string, field: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after is not a valid cursor: pass an endCursor or edge cursor from a previous page', 'after');
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[2] !== 'string') {
    throw badInput('after is not a valid cursor: pass an endCursor or edge cursor from a previous page', 'after');
  }
  if (decoded[0] !== field) {
    throw badInput('after was issued for a different orderBy; keep orderBy the same while paging', 'after');
  }
  const value = decoded[1];
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
    throw badInput('after is not a valid cursor', 'after');
  }
  return { value, id: decoded[2] };
}
