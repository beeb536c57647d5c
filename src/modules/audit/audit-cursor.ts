import { badInput } from '../../errors/app-error.js';

// Audit rows are keyed by a bigint sequence rather than a UUID, and always read newest first, so
// their cursor is just the last row's id; the shared keyset cursor expects UUID tie-breakers.
const TAG = 'audit';
const INVALID = 'after is not a valid cursor: pass an endCursor or edge cursor from a previous auditLog page';

export function encodeAuditCursor(id: bigint): string {
  return Buffer.from(JSON.stringify([TAG, id.toString()]), 'utf8').toString('base64url');
}

/** The row id a cursor made by {@link encodeAuditCursor} stands for, or BAD_USER_INPUT. */
export function decodeAuditCursor(cursor: string): bigint {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(INVALID, 'after');
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== TAG || typeof decoded[1] !== 'string' || !/^\d{1,19}$/.test(decoded[1])) {
    throw badInput(INVALID, 'after');
  }
  return BigInt(decoded[1]);
}
