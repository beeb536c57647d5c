import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type MigrationRunItem } from '../../generated/control/client.js';
import { type MigrationRunStatus } from '../../generated/control/enums.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../paths.js';
import { redactCredentials } from '../migrations/migration-connection.js';
import { fingerprintOf, readMigrationFiles } from '../migrations/migration-files.js';
import { applyMigrations } from '../migrations/migrator.js';
import { migrateDatasource } from './datasource-migration.js';
import { iterateFleet } from './fleet-iterator.js';
import { loadFleetTargets, type FleetScope, type FleetTarget } from './fleet-targets.js';
import { startHeartbeat, WorkerClaims, type WorkerLease } from './migration-worker.js';
import { RunLedger, type ClaimedItem, type ItemCompletion, type RunCounts, type RunMigrations } from './run-ledger.js';

/** Options of {@link migrateFleet}; defaults suit one operator at a terminal. */
export interface FleetMigrationOptions extends FleetScope {
  /** Migrate this many datasources first and stop if any fails. Default 0 (no canary wave). */
  canary?: number;
  /** Databases migrated at once by this process (one connection each). Default 4. */
  concurrency?: number;
  /**
   * Read every database's migration history, even where the last check (a run, or `migrate
   * status`) saw it current against exactly these migrations: after restoring a database from a
   * backup, or changing one by hand. Default false: such datasources are skipped unread.
   */
  verify?: boolean;
  /** Join this existing run as one more worker instead of planning a new one. */
  runId?: string;
  /** Continue the newest run that did not finish. */
  resume?: boolean;
  /** Lease of a claim. Default 60 s: a crashed worker's items are retried a minute later. */
  leaseMs?: number;
  /** Re-check interval while other workers hold the last items. Default 500 ms. */
  pollMs?: number;
  /** Default: `host:pid:random`. */
  workerId?: string;
  /** SIGINT: items in flight finish, no new one starts; the run can be resumed. */
  signal?: AbortSignal;
  /** Called once the run is planned or joined. */
  onRun?(runId: string, items: number): void;
  /** Called after each item this worker finished. */
  onItemDone?(item: ClaimedItem, completion: ItemCompletion): void;
}

/** What a `migrate` worker reports when it stops. */
export interface FleetMigrationReport {
  runId: string;
  controlPlaneApplied: string[];
  targetVersion: string | null;
  /** The run's status after this worker stopped (another worker may still be running it). */
  runStatus: MigrationRunStatus;
  counts: RunCounts;
  /** Items this worker finished itself. */
  handledByThisWorker: number;
  interrupted: boolean;
  items: MigrationRunItem[];
}

/** The control plane could not be migrated; no tenant was touched. */
export class ControlPlaneMigrationError extends Error {
  override readonly name = 'ControlPlaneMigrationError';
}

/**
 * `tenantgate migrate` as a library: migrates the control plane (a failure stops the run before any
 * tenant, as {@link ControlPlaneMigrationError}), plans a run in the ledger (or
 * joins one), and migrates its datasources with bounded concurrency through the shared fleet
 * iterator, claiming each from the ledger so several processes can share the run.
 */
export async function migrateFleet(options: FleetMigrationOptions): Promise<FleetMigrationReport> {
  const controlPlaneApplied = await migrateControlPlane(options);
  const migrationsDir = options.tenantMigrationsDir ?? tenantMigrationsDir;
  const files = await readMigrationFiles(migrationsDir);
  const migrations: RunMigrations = { targetVersion: files.at(-1)?.name ?? null, filesFingerprint: fingerprintOf(files) };
  const ledger = new RunLedger(options.control);
  const lease: WorkerLease = {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs: options.leaseMs ?? 60_000,
    pollMs: options.pollMs ?? 500,
  };
  const targets = await loadFleetTargets(options.control, options.keyRing, { tenantSlug: options.tenantSlug });
  const runId = await planOrJoin(ledger, options, { targets, migrations, controlPlaneApplied, workerId: lease.workerId });
  const byId = new Map(targets.map((target) => [target.datasourceId, target]));
  const counts = await ledger.counts(runId);
  options.onRun?.(runId, Object.values(counts).reduce((sum, n) => sum + n, 0));

  const concurrency = options.concurrency ?? 4;
  const claims = new WorkerClaims(ledger, runId, lease, { batchSize: concurrency, migrations, signal: options.signal });
  const heartbeat = startHeartbeat(ledger, lease);
  let handled = 0;
  let result;
  try {
    result = await iterateFleet<ClaimedItem>({
      tenants: claims.next,
      concurrency,
      signal: options.signal,
      run: async (item) => {
        const target = byId.get(item.datasourceId) ?? (await reloadTarget(options, item));
        const completion = target ? await migrateDatasource({ migrationsDir, files }, target) : missingTarget(item);
        claims.finish(item, completion);
        handled += 1;
        options.onItemDone?.(item, completion);
        if (completion.status === 'FAILED') {
          throw new Error(completion.error ?? 'failed');
        }
        return completion.status === 'SKIPPED' ? 'skipped' : 'succeeded';
      },
    });
    await claims.close();
  } finally {
    claims.dispose();
    heartbeat.stop();
  }
  const runStatus = await ledger.finish(runId, result.interrupted);
  return {
    runId,
    controlPlaneApplied,
    targetVersion: migrations.targetVersion,
    runStatus,
    counts: await ledger.counts(runId),
    handledByThisWorker: handled,
    interrupted: result.interrupted,
    items: await ledger.items(runId),
  };
}

async function migrateControlPlane(options: FleetMigrationOptions): Promise<string[]> {
  try {
    const result = await applyMigrations({
      databaseUrl: options.controlDatabaseUrl,
      migrationsDir: options.controlMigrationsDir ?? controlMigrationsDir,
    });
    return result.applied;
  } catch (error) {
    throw new ControlPlaneMigrationError(
      `the control plane could not be migrated, so no tenant was touched: ${redactCredentials(error instanceof Error ? error.message : String(error))}`,
    );
  }
}

interface RunPlan {
  targets: FleetTarget[];
  migrations: RunMigrations;
  controlPlaneApplied: string[];
  workerId: string;
}

async function planOrJoin(ledger: RunLedger, options: FleetMigrationOptions, plan: RunPlan): Promise<string> {
  if (options.runId || options.resume) {
    const run = options.runId ? await ledger.findRun(options.runId) : await ledger.findResumable();
    if (!run) {
      throw new Error(options.runId ? `no migration run ${options.runId}` : 'no unfinished migration run to resume');
    }
    if (run.status !== 'RUNNING' && run.status !== 'INTERRUPTED') {
      throw new Error(`migration run ${run.id} is already ${run.status.toLowerCase()}; start a new run instead`);
    }
    await ledger.reopen(run.id);
    return run.id;
  }
  return ledger.createRun({
    targets: plan.targets,
    ...plan.migrations,
    verify: options.verify ?? false,
    controlMigrationsApplied: plan.controlPlaneApplied,
    canary: options.canary ?? 0,
    tenantFilter: options.tenantSlug,
    startedBy: plan.workerId,
  });
}

/** A datasource created after this worker loaded the fleet (a joining worker sees the run's items). */
async function reloadTarget(options: FleetMigrationOptions, item: ClaimedItem): Promise<FleetTarget | undefined> {
  const targets = await loadFleetTargets(options.control, options.keyRing);
  return targets.find((target) => target.datasourceId === item.datasourceId);
}

function missingTarget(item: ClaimedItem): ItemCompletion {
  const error = `datasource "${item.datasourceName}" no longer exists or holds no tenant`;
  return { status: 'FAILED', durationMs: 0, migrationsApplied: [], schemaVersion: null, error, check: { state: 'unreachable', latest: null, applied: null, failed: [], modified: [] } };
}
