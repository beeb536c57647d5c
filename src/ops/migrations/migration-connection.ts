import pg from 'pg';
import { installScramKeyCache } from '../../tenancy/scram-key-cache.js';
import { errorDetails } from './migration-error.js';

/** The advisory lock key `prisma migrate deploy` takes, so our runner and Prisma's exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Five minutes: see {@link acquireMigrationLock}. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/** The one session a run uses, and the schema named by the URL's `?schema=` (null: the default). */
export interface MigrationSession {
  client: pg.Client;
  schema: string | null;
}

/**
 * Opens the one session a run uses. Connection failures are rethrown with credentials removed and
 * no `cause`, because `pg` and `URL` errors can carry the full connection string in their
 * properties. The session's `search_path` is left alone until {@link useSchemaSearchPath}: reading
 * the ledger names its schema instead, so a database with nothing to do costs one round trip.
 */
export async function openMigrationSession(databaseUrl: string): Promise<MigrationSession> {
  // A fleet run logs in to every database with the same few roles: derive each SCRAM key once.
  installScramKeyCache();
  let client: pg.Client | undefined;
  try {
    client = new pg.Client({ connectionString: databaseUrl, application_name: 'tenantgate-migrator' });
    // A server that drops the session would otherwise emit an unhandled 'error' and kill the
    // process (the gateway, when it migrates at boot); the pending or next query rejects instead.
    client.on('error', () => undefined);
    await client.connect();
    return { client, schema: schemaParameter(databaseUrl) };
  } catch (error) {
    await client?.end().catch(() => undefined);
    throw new Error(`cannot connect to the database to migrate it: ${redactCredentials(errorText(error))}`);
  }
}

/**
 * Sets `search_path` to the URL's `?schema=` (which `pg` ignores), default `public`, as Prisma
 * does: tables and the ledger land where Prisma puts them and where the generated clients look,
 * whatever the role's own default search path is. Call before running any migration's SQL.
 */
export async function useSchemaSearchPath(session: MigrationSession): Promise<void> {
  await session.client.query(`SELECT set_config('search_path', $1, false)`, [quoteIdentifier(session.schema ?? 'public')]);
}

/**
 * Takes Prisma's session advisory lock, held until the session ends, so concurrent runners (two
 * replicas booting, a fleet run, `prisma migrate deploy`) apply each migration once. Waits at most
 * `timeoutMs`: long enough for another runner to finish a large migration, short enough that a run
 * stuck behind a forgotten session fails with a clear message instead of hanging a deploy.
 */
export async function acquireMigrationLock(client: pg.Client, timeoutMs: number): Promise<void> {
  // Nobody else migrating is the usual case: one round trip, no transaction.
  const free = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY}) AS locked`);
  if (free.rows[0]?.locked) {
    return;
  }
  await client.query('BEGIN');
  try {
    // lock_timeout also bounds advisory lock waits; SET LOCAL keeps it off the migrations' own SQL.
    await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.round(timeoutMs))}ms`]);
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (errorDetails(error).code === '55P03') {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for the migration advisory lock ` +
          `(pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})): another migrator is running on this database`,
      );
    }
    throw error;
  }
}

/** Removes `user:password@` from anything URL-shaped, and the `password=` of keyword strings. */
export function redactCredentials(text: string): string {
  return text
    .replace(/(\/\/)[^\s/@]*@/g, '$1***@')
    .replace(/(password\s*=\s*)\S+/gi, '$1***');
}

function schemaParameter(databaseUrl: string): string | null {
  try {
    return new URL(databaseUrl).searchParams.get('schema');
  } catch {
    return null;
  }
}

/** Double-quotes a Postgres identifier. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function errorText(error: unknown): string {
  const { message, code } = errorDetails(error);
  return code ? `${message} (${code})` : message;
}
