import { type ControlClient } from '../../control/control-client.js';
import { redactCredentials } from '../migrations/migration-connection.js';
import { applyMigrations } from '../migrations/migrator.js';
import { recordSchemaVersion } from '../provisioning/schema-version.js';
import { targetUrl, type FleetTarget } from './fleet-targets.js';
import { type ItemCompletion } from './run-ledger.js';

/** What migrating one datasource needs. */
export interface DatasourceMigrationDeps {
  control: ControlClient;
  migrationsDir: string;
  /** Longest wait for another migrator's advisory lock on the same database. Default: the migrator's (5 min). */
  lockTimeoutMs?: number;
}

/**
 * Migrates one datasource (all the tenants it holds at once) and records the schema version it
 * reached on each of its tenants, which is what the gateway's TENANT_SCHEMA_OUTDATED gate reads.
 * The migrator holds Prisma's advisory lock on that database for the whole run, so two runs (or
 * `prisma migrate deploy`) never apply a migration twice: the second finds nothing pending.
 * When a later migration fails after earlier ones committed, the version they reached is still
 * recorded, so the control plane never claims less or more than the database holds.
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
      lockTimeoutMs: deps.lockTimeoutMs,
      onApplied: (name) => applied.push(name),
    });
    await recordIfChanged(deps.control, target, result.latest);
    return { status: applied.length > 0 ? 'MIGRATED' : 'SKIPPED', durationMs: elapsed(), migrationsApplied: applied, schemaVersion: result.latest, error: null };
  } catch (error) {
    const reached = applied.at(-1) ?? null;
    const message = redactCredentials(error instanceof Error ? error.message : String(error));
    const recordError = await recordIfChanged(deps.control, target, reached).then(
      () => '',
      (failure: unknown) => ` (recording schema ${reached} failed: ${failure instanceof Error ? failure.message : String(failure)})`,
    );
    return { status: 'FAILED', durationMs: elapsed(), migrationsApplied: applied, schemaVersion: reached, error: message + recordError };
  }
}

/** Skipping the write when every tenant already records the version keeps a no-op run at one round trip per database. */
async function recordIfChanged(control: ControlClient, target: FleetTarget, version: string | null): Promise<void> {
  if (version !== null && target.tenants.some((tenant) => tenant.schemaVersion !== version)) {
    await recordSchemaVersion(control, target.datasourceId, version);
  }
}
