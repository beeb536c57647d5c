import pg from 'pg';
import { badInput } from '../../errors/app-error.js';
import { quoteIdentifier } from '../migrations/migration-connection.js';
import { errorDetails } from '../migrations/migration-error.js';
import { databaseUnavailable } from './connection-failure.js';

// Unquoted-identifier shape, so the name reads the same in psql, URLs and `pg_database`, and
// within Postgres's 63-byte identifier limit.
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** SQLSTATEs that mean another session created the database first. */
const ALREADY_CREATED = new Set([
  '42P04', // duplicate_database
  // Two concurrent CREATE DATABASE can also collide on pg_database's unique index instead.
  '23505',
]);

/**
 * Creates `database` on the server behind `adminUrl` unless it already exists. Safe to run
 * concurrently: a creator that loses the race returns `false` instead of failing.
 *
 * @param adminUrl - URL of a database that exists on the server, usually the maintenance
 *   database `postgres`, as a role with `CREATEDB`. Never repeated in errors.
 * @param database - 1–63 characters of `a-z 0-9 _`, not starting with a digit.
 * @returns `true` when this call created the database, `false` when it was already there.
 * @throws AppError `BAD_USER_INPUT` for an invalid name, `TENANT_UNAVAILABLE` when the server
 *   cannot be reached or refuses, with a message free of the URL and password.
 */
export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<boolean> {
  if (typeof database !== 'string' || !DATABASE_NAME.test(database)) {
    throw badInput('database name must be 1-63 characters of a-z, 0-9 and _, not starting with a digit', 'database');
  }
  const action = `cannot create database "${database}"`;
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'tenantgate-provisioning' });
  // A dropped session must reject the pending query, not crash the process with an 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    // Checking first spares a role without CREATEDB an error for a database someone made for it.
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if ((existing.rowCount ?? 0) > 0) {
      return false;
    }
    // CREATE DATABASE takes no bind parameters; the validated name is quoted as an identifier.
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    return true;
  } catch (error) {
    const code = errorDetails(error).code;
    if (code !== undefined && ALREADY_CREATED.has(code)) {
      return false;
    }
    throw databaseUnavailable(action, error, adminUrl);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Drops `database` on the server behind `adminUrl` if it exists, closing its sessions first
 * (`WITH (FORCE)`, Postgres 13+): used to undo a provisioning that created it, and by `tenants
 * delete --drop-database`.
 *
 * @returns `true` when this call dropped it, `false` when there was none.
 * @throws AppError `BAD_USER_INPUT` for an invalid name, `TENANT_UNAVAILABLE` when the server refuses.
 */
export async function dropDatabaseIfExists(adminUrl: string, database: string): Promise<boolean> {
  if (typeof database !== 'string' || !DATABASE_NAME.test(database)) {
    throw badInput('database name must be 1-63 characters of a-z, 0-9 and _, not starting with a digit', 'database');
  }
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'tenantgate-provisioning' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if ((existing.rowCount ?? 0) === 0) {
      return false;
    }
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    return true;
  } catch (error) {
    throw databaseUnavailable(`cannot drop database "${database}"`, error, adminUrl);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database a URL names (its path without the slash), or null when it names none. */
export function databaseNameOf(url: string): string | null {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name.length > 0 ? name : null;
}

/**
 * The same server and credentials with another database in the path, e.g. the maintenance
 * database `postgres` to create or drop a tenant database from.
 */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}
