import { type ControlClient } from '../control/control-client.js';
import { type KeyRing } from '../crypto/key-ring.js';
import { notFound } from '../errors/app-error.js';
import { type MigrationRun, type MigrationRunItem } from '../generated/control/client.js';
import { type Page } from '../graphql/pagination/connection.js';
import { paginate } from '../graphql/pagination/paginate.js';
import { readControlPlaneDrift, readFleetStatus, type DatabaseDrift } from '../ops/fleet/fleet-status.js';
import { readSchemaStatusSnapshot, type SnapshotDatabase, type SnapshotTenant } from '../ops/fleet/schema-status-snapshot.js';
import { readMigrationFiles } from '../ops/migrations/migration-files.js';
import { tenantMigrationsDir } from '../paths.js';
import { RunLedger, type RunCounts } from '../ops/fleet/run-ledger.js';

/** What the migration views read: the control plane, and the key ring to reach each datasource. */
export interface MigrationAdminDeps {
  control: ControlClient;
  keyRing: KeyRing;
  controlDatabaseUrl: string;
  /** Default: the committed tenant migrations. */
  migrationsDir?: string;
}

/** The drift report as last checked, with how old each part is. */
export interface RecordedFleetStatus {
  /** The newest tenant migration this gateway ships. */
  targetVersion: string | null;
  /** Read live (one query), unlike the datasources. */
  controlPlane: SnapshotDatabase;
  datasources: SnapshotDatabase[];
  tenants: SnapshotTenant[];
  /** Every datasource was checked, against this gateway's newest migration, and found current, with true records. */
  allCurrent: boolean;
  /** Datasources never checked. */
  unchecked: number;
  oldestCheckAt: Date | null;
  newestCheckAt: Date | null;
}

/** A tenant's outcome in a run: its datasource item's, under the tenant's slug. */
export type TenantOutcome = MigrationRunItem & { tenantSlug: string };

/**
 * The platform admin's read-only view of fleet migrations, on the same library as
 * `tenantgate migrate` and `migrate status`: the run ledger and the drift report.
 */
export class MigrationAdminService {
  private readonly ledger: RunLedger;

  constructor(private readonly deps: MigrationAdminDeps) {
    this.ledger = new RunLedger(deps.control);
  }

  /** Runs, newest first. */
  runs(first?: number | null, after?: string | null): Promise<Page<MigrationRun>> {
    return paginate({
      findMany: (args) => this.deps.control.migrationRun.findMany(args),
      count: (args) => this.deps.control.migrationRun.count(args),
      where: {},
      sortField: 'startedAt',
      direction: 'desc',
      first,
      after,
    });
  }

  /** @throws AppError `NOT_FOUND`. */
  async run(id: string): Promise<MigrationRun> {
    const run = await this.deps.control.migrationRun.findUnique({ where: { id } });
    if (run === null) {
      throw notFound('migration run', id);
    }
    return run;
  }

  items(runId: string): Promise<MigrationRunItem[]> {
    return this.ledger.items(runId);
  }

  async tenantOutcomes(runId: string): Promise<TenantOutcome[]> {
    const items = await this.ledger.items(runId);
    return items.flatMap((item) => item.tenantSlugs.map((tenantSlug) => ({ ...item, tenantSlug })));
  }

  counts(runId: string): Promise<RunCounts> {
    return this.ledger.counts(runId);
  }

  /**
   * The drift report from the control plane: each datasource's last check (`tenantgate migrate
   * status`, or {@link checkTenant}) with its time, and the control plane's own state read live.
   * It costs a few control-plane queries however large the fleet; it never reads a tenant database.
   */
  async schemaStatus(): Promise<RecordedFleetStatus> {
    const migrationsDir = this.deps.migrationsDir ?? tenantMigrationsDir;
    const [controlPlane, snapshot, files] = await Promise.all([
      readControlPlaneDrift({ controlDatabaseUrl: this.deps.controlDatabaseUrl }),
      readSchemaStatusSnapshot(this.deps.control),
      readMigrationFiles(migrationsDir),
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

  /**
   * Reads the datasource of one tenant live (one database), records the result, and returns it.
   *
   * @throws AppError `NOT_FOUND` for an unknown tenant.
   */
  async checkTenant(tenantId: string): Promise<SnapshotDatabase> {
    const tenant = await this.deps.control.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
    if (tenant === null) {
      throw notFound('tenant', tenantId);
    }
    const report = await readFleetStatus({
      control: this.deps.control,
      keyRing: this.deps.keyRing,
      controlDatabaseUrl: this.deps.controlDatabaseUrl,
      tenantMigrationsDir: this.deps.migrationsDir,
      tenantSlug: tenant.slug,
      concurrency: 1,
    });
    const drift = report.datasources[0];
    if (drift === undefined) {
      throw notFound('tenant', tenantId);
    }
    return { ...liveDatabase(drift), checkedAgainst: report.targetVersion };
  }
}

function liveDatabase(drift: DatabaseDrift): SnapshotDatabase {
  return { ...drift, checkedAt: new Date(), checkedAgainst: null };
}
