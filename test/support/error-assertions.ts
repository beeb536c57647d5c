import { codesOf, type GraphQLResult } from './graphql-client.js';

/** What an error a client sees must never show: the database, its SQL, its address, or the stack. */
const LEAKS = [/prisma/i, /stacktrace/i, /\bselect\b[\s\S]*\bfrom\b/i, /\binsert into\b/i, /\bdelete from\b/i, /\n\s+at /, /\.[cm]?[jt]s:\d+/, /postgres(ql)?:\/\//i];

/** An error response as a client sees it: the expected code, and nothing from the database or the stack. */
export function expectError(result: GraphQLResult<unknown>, code: string, message?: RegExp): void {
  expect(codesOf(result)).toEqual([code]);
  if (message) {
    expect(result.errors[0]?.message).toMatch(message);
  }
  const body = JSON.stringify(result.errors);
  for (const leak of LEAKS) {
    expect(body).not.toMatch(leak);
  }
}
