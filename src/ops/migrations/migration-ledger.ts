import { type Client } from 'pg';
import { quoteIdentifier } from './migration-connection.js';
import { errorDetails } from './migration-error.js';

/** One row of `_prisma_migrations`: an attempt to apply one migration. */
export interface LedgerRow {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
  appliedStepsCount: number;
}

/** The table Prisma's Postgres connector creates, column for column, so its tools read our rows. */
const CREATE_LEDGER = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Creates the ledger (and the URL's schema) when missing. Call only while holding the lock. */
export async function ensureLedgerTable(client: Client, schema: string | null): Promise<void> {
  if (schema) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  }
  await client.query(CREATE_LEDGER);
}

/** `undefined_table`: raised for a missing relation, or a missing schema when the name is qualified. */
const UNDEFINED_TABLE = '42P01';

/**
 * Every attempt recorded, oldest first, or null when the database has no `_prisma_migrations` in
 * `schema` (default `public`, where {@link useSchemaSearchPath} points Prisma). The name is
 * qualified rather than resolved through `search_path`, so no statement has to set it first.
 */
export async function readLedger(client: Client, schema: string | null): Promise<LedgerRow[] | null> {
  try {
    const result = await client.query<LedgerRow>(
      `SELECT id, checksum, migration_name AS "migrationName", started_at AS "startedAt",
              finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs,
              applied_steps_count AS "appliedStepsCount"
         FROM ${quoteIdentifier(schema ?? 'public')}."_prisma_migrations"
        ORDER BY started_at, migration_name`,
    );
    return result.rows;
  } catch (error) {
    if (errorDetails(error).code === UNDEFINED_TABLE) {
      return null;
    }
    throw error;
  }
}

/** One attempt at one migration; `id` is a fresh random UUID, as Prisma uses. */
export interface MigrationAttempt {
  id: string;
  migrationName: string;
  checksum: string;
}

/**
 * Inserts the row Prisma writes when it starts a migration (`finished_at` NULL, no steps yet) and
 * returns its start time. Inside the migration's transaction, so it vanishes on rollback.
 */
export async function recordStarted(client: Client, attempt: MigrationAttempt): Promise<Date> {
  const result = await client.query<{ startedAt: Date }>(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 0)
     RETURNING started_at AS "startedAt"`,
    [attempt.id, attempt.checksum, attempt.migrationName],
  );
  return result.rows[0]?.startedAt ?? new Date();
}

/** Marks the attempt done as Prisma does: one applied step (the whole script) and `finished_at`. */
export async function recordFinished(client: Client, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations"
        SET finished_at = clock_timestamp(), applied_steps_count = 1
      WHERE id = $1`,
    [id],
  );
}

/**
 * Records an attempt whose transaction was rolled back: `finished_at` NULL with the error in
 * `logs`, and `rolled_back_at` set because nothing of it remains, which is what
 * `prisma migrate resolve --rolled-back` would write. Prisma then treats it as not applied, so a
 * fixed file is retried instead of blocking every later run with P3009.
 */
export async function recordRolledBack(
  client: Client,
  attempt: MigrationAttempt & { startedAt: Date; logs: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, logs, started_at, finished_at, rolled_back_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, NULL, clock_timestamp(), 0)`,
    [attempt.id, attempt.checksum, attempt.migrationName, attempt.logs, attempt.startedAt],
  );
}
