import { controlMigrationsDir, tenantMigrationsDir } from '../../paths.js';
import { redactCredentials } from '../migrations/migration-connection.js';
import { fingerprintOf, readMigrationFiles, type MigrationFile } from '../migrations/migration-files.js';
import { readMigrationStatus, type MigrationStatus } from '../migrations/migrator.js';
import { iterateFleet } from './fleet-iterator.js';
import { loadFleetTargets, targetUrl, type FleetScope, type FleetTarget } from './fleet-targets.js';
import { recordSchemaStatus } from './schema-status-snapshot.js';

/** Where one database stands, worst first: see {@link driftStateOf}. */
export type DriftState = 'unreachable' | 'failed' | 'checksum-mismatch' | 'pending' | 'current';

/** One database of the drift report. */
export interface DatabaseDrift {
  /** The datasource name, or `control-plane`. */
  name: string;
  kind: 'CONTROL' | 'POOLED' | 'DEDICATED';
  tenants: string[];
  state: DriftState;
  /** The newest applied migration (the database's schema version). */
  latest: string | null;
  applied: number;
  pending: string[];
  failed: string[];
  modified: string[];
  /** Why the database could not be read (credentials removed). */
  error?: string;
}

/** One tenant of the drift report: its database's state and what the control plane records. */
export interface TenantDrift {
  slug: string;
  datasource: string;
  state: DriftState;
  databaseVersion: string | null;
  /** What the gateway's TENANT_SCHEMA_OUTDATED gate reads. */
  recordedVersion: string | null;
  /** False when the record is not the database's version (a run of `migrate` corrects it). */
  recordTrue: boolean;
}

/** The drift report of `tenantgate migrate status`. */
export interface FleetStatusReport {
  /** The newest committed tenant migration. */
  targetVersion: string | null;
  controlPlane: DatabaseDrift;
  datasources: DatabaseDrift[];
  tenants: TenantDrift[];
  /** True only when every database is current and every tenant's recorded version is true. */
  allCurrent: boolean;
  /** Databases (control plane included) by state. */
  counts: Record<DriftState, number>;
}

/** Options of {@link readFleetStatus}. */
export interface FleetStatusOptions extends FleetScope {
  /** Databases read at once (one connection each). Default 8. */
  concurrency?: number;
  signal?: AbortSignal;
}

/** Worst condition first: an operator fixes what blocks migrations before what is merely behind. */
export function driftStateOf(status: MigrationStatus): DriftState {
  if (status.failed.length > 0) {
    return 'failed';
  }
  if (status.modified.length > 0) {
    return 'checksum-mismatch';
  }
  return status.pending.length > 0 ? 'pending' : 'current';
}

/**
 * Reads every database's `_prisma_migrations` (one query each, changing nothing, taking no lock)
 * and compares it with the migrations on disk and with the versions the control plane records for
 * its tenants. Each datasource's result is then recorded in the control plane (see
 * `schema-status-snapshot.ts`), which is what the admin API's drift report shows, unless the
 * control plane itself has migrations pending.
 */
export async function readFleetStatus(options: FleetStatusOptions): Promise<FleetStatusReport> {
  const tenantDir = options.tenantMigrationsDir ?? tenantMigrationsDir;
  const controlPlane = await readControlPlaneDrift(options);
  // Read and hashed once for the whole fleet, not once per database.
  const tenantFiles = { migrationsDir: tenantDir, files: await readMigrationFiles(tenantDir) };
  const targets = await loadFleetTargets(options.control, options.keyRing, { tenantSlug: options.tenantSlug });
  const drifts = new Map<FleetTarget, DatabaseDrift>();
  await iterateFleet<FleetTarget>({
    tenants: targets,
    concurrency: options.concurrency ?? 8,
    signal: options.signal,
    run: async (target) => {
      const subject = { name: target.name, kind: target.kind, tenants: target.tenants.map((t) => t.slug), url: () => targetUrl(target) };
      drifts.set(target, await driftOf(subject, tenantFiles));
      return 'succeeded';
    },
  });
  const datasources = targets.flatMap((target) => drifts.get(target) ?? []);
  const tenants = targets.flatMap((target) => {
    const drift = drifts.get(target);
    return drift ? target.tenants.map((tenant) => tenantDrift(tenant, drift)) : [];
  });
  const counts: Record<DriftState, number> = { unreachable: 0, failed: 0, 'checksum-mismatch': 0, pending: 0, current: 0 };
  for (const drift of [controlPlane, ...datasources]) {
    counts[drift.state] += 1;
  }
  const targetVersion = tenantFiles.files.at(-1)?.name ?? null;
  const filesFingerprint = fingerprintOf(tenantFiles.files);
  // A control plane behind this build may lack the table the checks are recorded in: the report
  // is read all the same, and the next `migrate` (which migrates the control plane first) fixes it.
  if (controlPlane.pending.length === 0) {
    await recordSchemaStatus(
      options.control,
      targets.flatMap((target) => {
        const drift = drifts.get(target);
        return drift ? [{ datasourceId: target.datasourceId, drift, targetVersion, filesFingerprint }] : [];
      }),
    );
  }
  const allCurrent = counts.current === datasources.length + 1 && datasources.length === targets.length && tenants.every((tenant) => tenant.recordTrue);
  return { targetVersion, controlPlane, datasources, tenants, allCurrent, counts };
}

/** The control plane's own drift: one query on one connection. */
export async function readControlPlaneDrift(options: Pick<FleetScope, 'controlDatabaseUrl' | 'controlMigrationsDir'>): Promise<DatabaseDrift> {
  const controlDir = options.controlMigrationsDir ?? controlMigrationsDir;
  return driftOf(
    { name: 'control-plane', kind: 'CONTROL', tenants: [], url: () => options.controlDatabaseUrl },
    { migrationsDir: controlDir, files: await readMigrationFiles(controlDir) },
  );
}

function tenantDrift(tenant: FleetTarget['tenants'][number], drift: DatabaseDrift): TenantDrift {
  return {
    slug: tenant.slug,
    datasource: drift.name,
    state: drift.state,
    databaseVersion: drift.latest,
    recordedVersion: tenant.schemaVersion,
    recordTrue: drift.state === 'unreachable' || tenant.schemaVersion === drift.latest,
  };
}

interface DriftSubject {
  name: string;
  kind: DatabaseDrift['kind'];
  tenants: string[];
  url(): string;
}

async function driftOf(subject: DriftSubject, migrations: { migrationsDir: string; files: MigrationFile[] }): Promise<DatabaseDrift> {
  const base = { name: subject.name, kind: subject.kind, tenants: subject.tenants };
  try {
    const status = await readMigrationStatus({ databaseUrl: subject.url(), ...migrations });
    return {
      ...base,
      state: driftStateOf(status),
      latest: status.latest,
      applied: status.applied.length,
      pending: status.pending,
      failed: status.failed,
      modified: status.modified,
    };
  } catch (error) {
    const message = redactCredentials(error instanceof Error ? error.message : String(error));
    return { ...base, state: 'unreachable', latest: null, applied: 0, pending: [], failed: [], modified: [], error: message };
  }
}
