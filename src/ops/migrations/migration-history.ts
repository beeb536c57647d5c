import { checksumMatches, type MigrationFile } from './migration-files.js';
import { MigrationError } from './migration-error.js';
import { type LedgerRow } from './migration-ledger.js';

/** The committed migrations compared with the ledger, by Prisma's rules. */
export interface MigrationHistory {
  /** Names with a finished, not rolled back row, in name order (unknown ones included). */
  applied: string[];
  /** Committed migrations with no row that is not rolled back, in the order they would run. */
  pending: MigrationFile[];
  /** Names with a row neither finished nor rolled back: a failure nobody resolved (P3009). */
  failed: string[];
  /** Applied migrations whose file no longer matches the stored checksum (a warning, as in Prisma). */
  modified: string[];
  /** Applied migrations that have no folder on disk (the database is ahead of this code). */
  unknown: string[];
  /** The greatest applied name, or null when nothing is applied. */
  latest: string | null;
}

/**
 * Decides what a run would do. A migration counts as applied (not pending) as soon as one of its
 * rows is not rolled back, as `prisma migrate deploy` decides; rolled-back rows are history only.
 */
export function compareHistory(files: MigrationFile[], rows: LedgerRow[]): MigrationHistory {
  const live = rows.filter((row) => row.rolledBackAt === null);
  const finished = live.filter((row) => row.finishedAt !== null);
  const liveNames = new Set(live.map((row) => row.migrationName));
  const fileNames = new Set(files.map((file) => file.name));
  const applied = sortedUnique(finished.map((row) => row.migrationName));
  const modified = files
    .filter((file) => {
      const own = finished.filter((row) => row.migrationName === file.name);
      // The stored checksum is almost always the file's own: compare before hashing variants.
      return own.length > 0 && !own.some((row) => row.checksum === file.checksum || checksumMatches(file.sql, row.checksum));
    })
    .map((file) => file.name);
  return {
    applied,
    pending: files.filter((file) => !liveNames.has(file.name)),
    failed: sortedUnique(live.filter((row) => row.finishedAt === null).map((row) => row.migrationName)),
    modified,
    unknown: applied.filter((name) => !fileNames.has(name)),
    latest: applied.at(-1) ?? null,
  };
}

/**
 * Throws {@link MigrationError} (reason `unresolved`) when a row is neither finished nor rolled
 * back: a failure nobody resolved, on which Prisma stops with P3009. The message names each one.
 */
export function assertNoUnresolvedFailures(rows: LedgerRow[]): void {
  const failed = rows.filter((row) => row.finishedAt === null && row.rolledBackAt === null);
  const first = failed[0];
  if (!first) {
    return;
  }
  const details = failed.map((row) => {
    const logs = row.logs?.trim() ? ` with the following logs:\n${row.logs.trim()}` : '';
    return `The \`${row.migrationName}\` migration started at ${row.startedAt.toISOString()} failed${logs}`;
  });
  throw new MigrationError(
    'found failed migrations in the target database, new migrations will not be applied (P3009).\n' +
      `${details.join('\n')}\n` +
      'Inspect the database, then mark the migration rolled back or applied ' +
      '(`prisma migrate resolve --rolled-back|--applied <name>`, or set rolled_back_at/finished_at).',
    first.migrationName,
    'unresolved',
  );
}

function sortedUnique(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
