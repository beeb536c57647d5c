import { type ControlClient } from '../../control/control-client.js';
import { tenantMigrationsDir } from '../../paths.js';
import { readMigrationFiles } from '../migrations/migration-files.js';
import { readControlPlaneDrift, type DatabaseDrift, type DriftState } from './fleet-status.js';
import { type FleetScope } from './fleet-targets.js';

/** A datasource's last drift check, as recorded in the control plane. */
export interface CheckedDrift {
  datasourceId: string;
  drift: DatabaseDrift;
  /** The newest migration the check compared with. */
  targetVersion: string | null;
  /** `fingerprintOf` the migrations the check compared with (`migration-files.ts`). */
  filesFingerprint: string;
}

/** One datasource of the recorded report: its last check, or none yet. */
export interface SnapshotDatabase extends Omit<DatabaseDrift, 'state'> {
  /** The state at `checkedAt`, or `unchecked` when the datasource was never checked. */
  state: DriftState | 'unchecked';
  checkedAt: Date | null;
  /** The newest migration that check compared with (not necessarily this build's). */
  checkedAgainst: string | null;
}

/**
 * Records the drift of the datasources just read (one statement for the whole batch), so the
 * admin API can show the fleet from the control plane. A datasource's row is replaced by each
 * newer check; rows of removed datasources go with them. A `current` row keeps the fingerprint of
 * the migrations it was compared with, which lets the next `migrate` with the same migrations skip
 * the datasource without connecting (see `RunLedger.createRun`).
 */
export async function recordSchemaStatus(control: ControlClient, checks: CheckedDrift[]): Promise<void> {
  if (checks.length === 0) {
    return;
  }
  const rows = JSON.stringify(
    checks.map(({ datasourceId, drift, targetVersion, filesFingerprint }) => ({
      datasource_id: datasourceId,
      state: drift.state,
      latest: drift.latest,
      applied: drift.applied,
      pending: drift.pending,
      failed: drift.failed,
      modified: drift.modified,
      error: drift.error ?? null,
      target_version: targetVersion,
      files_fingerprint: drift.state === 'current' ? filesFingerprint : null,
    })),
  );
  await control.$executeRaw`
    INSERT INTO "datasource_schema_status" AS status
           (datasource_id, state, latest, applied, pending, failed, modified, error, target_version, files_fingerprint, checked_at)
    SELECT row.datasource_id, row.state, row.latest, row.applied, row.pending, row.failed, row.modified, row.error, row.target_version,
           row.files_fingerprint, now()
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS row(datasource_id uuid, state text, latest text, applied integer, pending text[], failed text[], modified text[], error text,
               target_version text, files_fingerprint text)
     WHERE EXISTS (SELECT 1 FROM "datasources" WHERE id = row.datasource_id)
    ON CONFLICT (datasource_id) DO UPDATE
       SET state = EXCLUDED.state, latest = EXCLUDED.latest, applied = EXCLUDED.applied, pending = EXCLUDED.pending,
           failed = EXCLUDED.failed, modified = EXCLUDED.modified, error = EXCLUDED.error,
           target_version = EXCLUDED.target_version, files_fingerprint = EXCLUDED.files_fingerprint, checked_at = EXCLUDED.checked_at`;
}

/** One tenant of the recorded report. */
export interface SnapshotTenant {
  slug: string;
  datasource: string;
  state: SnapshotDatabase['state'];
  databaseVersion: string | null;
  /** What the gateway's TENANT_SCHEMA_OUTDATED gate reads, as it is now. */
  recordedVersion: string | null;
  /** The recorded version equals the database's as of the last check (true when never checked or unreachable). */
  recordTrue: boolean;
}

/** The fleet as last checked: two control-plane queries, whatever the fleet's size. */
export async function readSchemaStatusSnapshot(control: ControlClient): Promise<{ datasources: SnapshotDatabase[]; tenants: SnapshotTenant[] }> {
  const datasources = await control.datasource.findMany({
    where: { tenants: { some: {} } },
    include: { schemaStatus: true, tenants: { select: { slug: true, schemaVersion: true }, orderBy: { slug: 'asc' } } },
    orderBy: { name: 'asc' },
  });
  const databases = datasources.map((datasource): SnapshotDatabase => {
    const status = datasource.schemaStatus;
    return {
      name: datasource.name,
      kind: datasource.kind,
      tenants: datasource.tenants.map((tenant) => tenant.slug),
      state: (status?.state as DriftState | undefined) ?? 'unchecked',
      latest: status?.latest ?? null,
      applied: status?.applied ?? 0,
      pending: status?.pending ?? [],
      failed: status?.failed ?? [],
      modified: status?.modified ?? [],
      error: status?.error ?? undefined,
      checkedAt: status?.checkedAt ?? null,
      checkedAgainst: status?.targetVersion ?? null,
    };
  });
  const tenants = datasources.flatMap((datasource, index) => {
    const database = databases[index] as SnapshotDatabase;
    const known = database.state !== 'unchecked' && database.state !== 'unreachable';
    return datasource.tenants.map((tenant) => ({
      slug: tenant.slug,
      datasource: datasource.name,
      state: database.state,
      databaseVersion: database.latest,
      recordedVersion: tenant.schemaVersion,
      recordTrue: !known || tenant.schemaVersion === database.latest,
    }));
  });
  return { datasources: databases, tenants };
}

/** The drift report as last checked, with how old each part is. */
export interface RecordedFleetStatus {
  /** The newest tenant migration this build ships. */
  targetVersion: string | null;
  /** Read live (one query), unlike the datasources. */
  controlPlane: SnapshotDatabase;
  datasources: SnapshotDatabase[];
  tenants: SnapshotTenant[];
  /** Every datasource was checked, against this build's newest migration, and found current, with true records. */
  allCurrent: boolean;
  /** Datasources never checked. */
  unchecked: number;
  oldestCheckAt: Date | null;
  newestCheckAt: Date | null;
}

/**
 * The drift report from the control plane (`tenantgate migrate status --recorded`, the admin API's
 * `fleetSchemaStatus`): each datasource's last check, with its time, and the control plane's own
 * state read live. It costs a few control-plane queries however large the fleet; it never reads a
 * tenant database.
 */
export async function readRecordedFleetStatus(
  scope: Pick<FleetScope, 'control' | 'controlDatabaseUrl' | 'tenantMigrationsDir'>,
): Promise<RecordedFleetStatus> {
  const [controlPlane, snapshot, files] = await Promise.all([
    readControlPlaneDrift({ controlDatabaseUrl: scope.controlDatabaseUrl }),
    readSchemaStatusSnapshot(scope.control),
    readMigrationFiles(scope.tenantMigrationsDir ?? tenantMigrationsDir),
  ]);
  const targetVersion = files.at(-1)?.name ?? null;
  const times = snapshot.datasources.flatMap((database) => (database.checkedAt ? [database.checkedAt.getTime()] : []));
  const allCurrent =
    controlPlane.state === 'current' &&
    snapshot.datasources.every((database) => database.state === 'current' && database.checkedAgainst === targetVersion) &&
    snapshot.tenants.every((tenant) => tenant.recordTrue);
  return {
    targetVersion,
    controlPlane: liveDatabase(controlPlane),
    ...snapshot,
    allCurrent,
    unchecked: snapshot.datasources.filter((database) => database.state === 'unchecked').length,
    oldestCheckAt: times.length > 0 ? new Date(Math.min(...times)) : null,
    newestCheckAt: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}

/** A database read just now, in the shape of a recorded one. */
export function liveDatabase(drift: DatabaseDrift): SnapshotDatabase {
  return { ...drift, checkedAt: new Date(), checkedAgainst: null };
}
