import { badInput } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (any version), the shape of every row id. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Validates an ID argument before it reaches SQL, so a typo is BAD_USER_INPUT, not a DB error. */
export function parseId(value: string, field = 'id'): string {
  if (!isUuid(value)) {
    throw badInput(`${field} must be a UUID, got "${value.slice(0, 40)}"`, field);
  }
  return value.toLowerCase();
}
