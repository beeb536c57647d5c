import { redactCredentials } from '../migrations/migration-connection.js';
import { type MigrationFile } from '../migrations/migration-files.js';
import { applyMigrations, MigrationError } from '../migrations/migrator.js';
import { targetUrl, type FleetTarget } from './fleet-targets.js';
import { type DatasourceCheck, type ItemCompletion } from './run-ledger.js';

/** What migrating one datasource needs. */
export interface DatasourceMigrationDeps {
  migrationsDir: string;
  /** The folder's migrations, read once for the whole run. */
  files: MigrationFile[];
  /** Longest wait for another migrator's advisory lock on the same database. Default: the migrator's (5 min). */
  lockTimeoutMs?: number;
}

/**
 * Migrates one datasource (all the tenants it holds at once) on one session. The migrator holds
 * Prisma's advisory lock on that database whenever it applies anything, so two runs (or
 * `prisma migrate deploy`) never apply a migration twice: the second finds nothing pending. The
 * completion carries the schema version the database reached, which the run ledger records on
 * its tenants; when a later migration fails after earlier ones committed, that is the version they
 * reached, so the control plane never claims less or more than the database holds.
 * The completion also says what the run saw of the database, recorded as its schema check.
 * Never throws: a failure is returned as a FAILED completion with a message free of credentials.
 */
export async function migrateDatasource(deps: DatasourceMigrationDeps, target: FleetTarget): Promise<ItemCompletion> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const applied: string[] = [];
  try {
    const result = await applyMigrations({
      databaseUrl: targetUrl(target),
      migrationsDir: deps.migrationsDir,
      files: deps.files,
      lockTimeoutMs: deps.lockTimeoutMs,
      onApplied: (name) => applied.push(name),
    });
    const check: DatasourceCheck = {
      state: result.modified.length > 0 ? 'checksum-mismatch' : 'current',
      latest: result.latest,
      applied: result.alreadyApplied + result.applied.length,
      failed: [],
      modified: result.modified,
    };
    return { status: applied.length > 0 ? 'MIGRATED' : 'SKIPPED', durationMs: elapsed(), migrationsApplied: applied, schemaVersion: result.latest, error: null, check };
  } catch (error) {
    const message = redactCredentials(error instanceof Error ? error.message : String(error));
    const check: DatasourceCheck = { state: checkStateOf(error), latest: null, applied: null, failed: [], modified: [] };
    if (error instanceof MigrationError && error.reason === 'unresolved') {
      check.failed.push(error.migrationName);
    }
    return { status: 'FAILED', durationMs: elapsed(), migrationsApplied: applied, schemaVersion: applied.at(-1) ?? null, error: message, check };
  }
}

/**
 * A failure as `migrate status` would then report the database: a migration whose SQL failed was
 * rolled back and is pending again, an unresolved failed attempt blocks it, anything else means
 * the database could not be read.
 */
function checkStateOf(error: unknown): DatasourceCheck['state'] {
  if (!(error instanceof MigrationError)) {
    return 'unreachable';
  }
  return error.reason === 'failed' ? 'pending' : 'failed';
}
