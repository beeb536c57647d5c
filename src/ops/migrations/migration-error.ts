/**
 * Why a run stopped at a migration:
 * - `failed`: its SQL raised an error; the transaction was rolled back and the attempt recorded
 *   with `rolled_back_at`, so fixing the file and running again retries it.
 * - `unresolved`: the ledger already holds a failed attempt nobody resolved (Prisma's P3009);
 *   nothing is applied until someone inspects the database and marks it rolled back or applied.
 */
export type MigrationErrorReason = 'failed' | 'unresolved';

/** A migration that stopped a run. Its message never contains the connection URL or password. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** Folder name of the migration, e.g. `20261124200000_init`. */
    readonly migrationName: string,
    readonly reason: MigrationErrorReason,
    /** SQLSTATE of the Postgres error when there was one, e.g. `42P07`. */
    readonly sqlState?: string,
  ) {
    super(message);
  }
}

/** The parts of a thrown error worth keeping: a `pg` DatabaseError's fields, or any error's message. */
export interface ErrorDetails {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

/**
 * Reads the fields of whatever was thrown without `instanceof`, which fails for errors made in
 * another realm (Node's own socket and fs errors under jest's VM modules, for one).
 */
export function errorDetails(error: unknown): ErrorDetails {
  if (typeof error !== 'object' || error === null) {
    return { message: String(error) };
  }
  const fields = error as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  return { message: text('message') ?? String(error), code: text('code'), detail: text('detail'), hint: text('hint') };
}

/** Renders an error for the `logs` column, in the shape Prisma's own failure logs take. */
export function formatMigrationLogs(details: ErrorDetails): string {
  const lines = details.code ? [`Database error code: ${details.code}`, '', 'Database error:'] : [];
  lines.push(`ERROR: ${details.message}`);
  if (details.detail) {
    lines.push(`DETAIL: ${details.detail}`);
  }
  if (details.hint) {
    lines.push(`HINT: ${details.hint}`);
  }
  return lines.join('\n');
}
