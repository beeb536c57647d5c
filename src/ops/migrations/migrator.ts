import { randomUUID } from 'node:crypto';
import { type Client } from 'pg';
import {
  acquireMigrationLock,
  DEFAULT_LOCK_TIMEOUT_MS,
  openMigrationSession,
  redactCredentials,
  useSchemaSearchPath,
} from './migration-connection.js';
import { errorDetails, formatMigrationLogs, MigrationError } from './migration-error.js';
import { readMigrationFiles, type MigrationFile } from './migration-files.js';
import { assertNoUnresolvedFailures, compareHistory } from './migration-history.js';
import {
  ensureLedgerTable,
  readLedger,
  recordFinished,
  recordRolledBack,
  recordStarted,
} from './migration-ledger.js';

export { MigrationError, type MigrationErrorReason } from './migration-error.js';

/** Where to migrate from and to. */
export interface MigrationTarget {
  /** Database to migrate; a Prisma-style `?schema=` is honoured. Never repeated in errors. */
  databaseUrl: string;
  /** Folder of `<timestamp>_<name>/migration.sql`, e.g. `controlMigrationsDir` from `src/paths.ts`. */
  migrationsDir: string;
  /**
   * The folder's migrations already read by {@link readMigrationFiles}, so a fleet run reads and
   * hashes them once instead of once per database. Default: `migrationsDir` is read.
   */
  files?: MigrationFile[];
}

/** Options of {@link applyMigrations}. */
export interface ApplyMigrationsOptions extends MigrationTarget {
  /** Called after each migration commits, with its wall time in ms. Default: nothing is called. */
  onApplied?: (name: string, ms: number) => void;
  /** Longest wait for another runner's advisory lock. Default: 5 minutes ({@link DEFAULT_LOCK_TIMEOUT_MS}). */
  lockTimeoutMs?: number;
}

/** What one run did. */
export interface MigrationRunResult {
  /** Migrations this run applied, in order. */
  applied: string[];
  /** Committed migrations that were already applied before this run. */
  alreadyApplied: number;
  /** The greatest applied migration name after the run (the database's schema version), or null. */
  latest: string | null;
  /** Applied migrations edited on disk since (a warning; `prisma migrate dev` would complain). */
  modified: string[];
  /** Applied migrations with no folder on disk: the database is ahead of this code. */
  unknown: string[];
}

/** The database compared with the committed migrations; names in name order. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Failed attempts nobody resolved; {@link applyMigrations} refuses to run while any exist. */
  failed: string[];
  latest: string | null;
  modified: string[];
  unknown: string[];
}

/**
 * Applies the pending migrations of `migrationsDir` the way `prisma migrate deploy` does, and keeps
 * `_prisma_migrations` as Prisma does, so Prisma's tools agree with the result. A database with
 * nothing pending and no failed attempt is recognised by one read and left alone; otherwise the
 * run holds Prisma's advisory lock throughout and decides again under it, so concurrent runs apply
 * each migration once. Each migration's
 * SQL and its ledger row commit in one transaction; a failure rolls it back, is recorded as a
 * rolled-back attempt, and throws {@link MigrationError}. Refuses to run while an unresolved failed
 * attempt exists (Prisma's P3009). Re-running applies nothing.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationRunResult> {
  const files = options.files ?? (await readMigrationFiles(options.migrationsDir));
  const session = await openMigrationSession(options.databaseUrl);
  const { client, schema } = session;
  try {
    // Without the lock first: a database with nothing pending and no failed attempt is left at
    // one read (an attempt in flight elsewhere is uncommitted, so it shows as pending here).
    const seen = await readLedger(client, schema);
    const glance = seen === null ? null : compareHistory(files, seen);
    if (glance && glance.pending.length === 0 && glance.failed.length === 0) {
      return { applied: [], alreadyApplied: files.length, latest: glance.latest, modified: glance.modified, unknown: glance.unknown };
    }
    await useSchemaSearchPath(session);
    await acquireMigrationLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    if (seen === null) {
      await ensureLedgerTable(client, schema);
    }
    const rows = (await readLedger(client, schema)) ?? [];
    const before = compareHistory(files, rows);
    assertNoUnresolvedFailures(rows);
    const applied: string[] = [];
    for (const file of before.pending) {
      const started = performance.now();
      await applyMigration(client, file);
      applied.push(file.name);
      options.onApplied?.(file.name, performance.now() - started);
    }
    const after = applied.length > 0 ? compareHistory(files, (await readLedger(client, schema)) ?? []) : before;
    return {
      applied,
      alreadyApplied: files.length - before.pending.length,
      latest: after.latest,
      modified: before.modified,
      unknown: before.unknown,
    };
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end().catch(() => undefined);
  }
}

/**
 * Compares the database with `migrationsDir` without changing anything, in one query on one
 * session. A database without `_prisma_migrations` (never migrated) reports every committed
 * migration as pending.
 */
export async function readMigrationStatus(options: MigrationTarget): Promise<MigrationStatus> {
  const files = options.files ?? (await readMigrationFiles(options.migrationsDir));
  const { client, schema } = await openMigrationSession(options.databaseUrl);
  try {
    const history = compareHistory(files, (await readLedger(client, schema)) ?? []);
    return { ...history, pending: history.pending.map((file) => file.name) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyMigration(client: Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  let startedAt = new Date();
  await client.query('BEGIN');
  try {
    startedAt = await recordStarted(client, { id, migrationName: file.name, checksum: file.checksum });
    await client.query(file.sql);
    await recordFinished(client, id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const details = errorDetails(error);
    const message = redactCredentials(details.message);
    let unrecorded = '';
    try {
      await recordRolledBack(client, {
        id,
        startedAt,
        migrationName: file.name,
        checksum: file.checksum,
        logs: redactCredentials(formatMigrationLogs(details)),
      });
    } catch (recordError) {
      unrecorded = ` (the attempt could not be recorded: ${redactCredentials(errorDetails(recordError).message)})`;
    }
    throw new MigrationError(
      `migration \`${file.name}\` failed and was rolled back: ${message}${unrecorded}`,
      file.name,
      'failed',
      details.code,
    );
  }
}
