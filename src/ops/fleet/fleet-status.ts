import { controlMigrationsDir, tenantMigrationsDir } from '../../paths.js';
import { readMigrationStatus, type MigrationStatus } from '../migrations/migrator.js';
import { redactCredentials } from '../migrations/migration-connection.js';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { iterateFleet } from './fleet-iterator.js';
import { loadFleetTargets, targetUrl, type FleetTarget } from './fleet-targets.js';

/** Where one database stands, worst first: see {@link driftStateOf}. */
export type DriftState = 'unreachable' | 'failed' | 'checksum-mismatch' | 'pending' | 'current';

/** One database of the drift report. */
export interface DatabaseDrift {
  /** The datasource name, or `control-plane`. */
  name: string;
  kind: 'CONTROL' | 'POOLED' | 'DEDICATED';
  tenants: string[];
  state: DriftState;
  latest: string | null;
  applied: number;
  pending: string[];
  failed: string[];
  modified: string[];
  /** Tenants whose recorded schema version (what the gateway's gate reads) is not the database's. */
  recordedBehind: string[];
  /** Why the database could not be read (credentials removed). */
  error?: string;
}

/** The drift report of `tenantgate migrate status`. */
export interface FleetStatusReport {
  controlPlane: DatabaseDrift;
  datasources: DatabaseDrift[];
  /** True only when every database is current and every tenant's recorded version is true. */
  allCurrent: boolean;
  counts: Record<DriftState, number>;
}

/** Options of {@link readFleetStatus}. */
export interface FleetStatusOptions {
  control: ControlClient;
  keyRing: KeyRing;
  controlDatabaseUrl: string;
  controlMigrationsDir?: string;
  tenantMigrationsDir?: string;
  tenantSlug?: string;
  /** Databases read at once. Default 8. */
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
 * Reads every database's `_prisma_migrations` (changing nothing, taking no lock) and compares it
 * with the migrations on disk and with the versions the control plane records for its tenants.
 */
export async function readFleetStatus(options: FleetStatusOptions): Promise<FleetStatusReport> {
  const controlPlane = await driftOf(
    { name: 'control-plane', kind: 'CONTROL', tenants: [], url: () => options.controlDatabaseUrl },
    options.controlMigrationsDir ?? controlMigrationsDir,
  );
  const targets = await loadFleetTargets(options.control, options.keyRing, { tenantSlug: options.tenantSlug });
  const datasources: DatabaseDrift[] = [];
  await iterateFleet<FleetTarget>({
    tenants: targets,
    concurrency: options.concurrency ?? 8,
    signal: options.signal,
    run: async (target) => {
      const drift = await driftOf(
        { name: target.name, kind: target.kind, tenants: target.tenants.map((t) => t.slug), url: () => targetUrl(target) },
        options.tenantMigrationsDir ?? tenantMigrationsDir,
      );
      drift.recordedBehind = drift.state === 'unreachable' ? [] : target.tenants.filter((t) => t.schemaVersion !== drift.latest).map((t) => t.slug);
      datasources.push(drift);
      return 'succeeded';
    },
  });
  datasources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const counts: Record<DriftState, number> = { unreachable: 0, failed: 0, 'checksum-mismatch': 0, pending: 0, current: 0 };
  for (const drift of [controlPlane, ...datasources]) {
    counts[drift.state] += 1;
  }
  const allCurrent =
    counts.current === datasources.length + 1 && datasources.every((drift) => drift.recordedBehind.length === 0);
  return { controlPlane, datasources, allCurrent, counts };
}

interface DriftSubject {
  name: string;
  kind: DatabaseDrift['kind'];
  tenants: string[];
  url(): string;
}

async function driftOf(subject: DriftSubject, migrationsDir: string): Promise<DatabaseDrift> {
  const base = { name: subject.name, kind: subject.kind, tenants: subject.tenants, recordedBehind: [] };
  try {
    const status = await readMigrationStatus({ databaseUrl: subject.url(), migrationsDir });
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
