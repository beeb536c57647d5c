import { type ControlClient } from '../control/control-client.js';
import { type KeyRing } from '../crypto/key-ring.js';
import { notFound } from '../errors/app-error.js';
import { type MigrationRun, type MigrationRunItem } from '../generated/control/client.js';
import { type Page } from '../graphql/pagination/connection.js';
import { paginate } from '../graphql/pagination/paginate.js';
import { readFleetStatus } from '../ops/fleet/fleet-status.js';
import { liveDatabase, readRecordedFleetStatus, type RecordedFleetStatus, type SnapshotDatabase } from '../ops/fleet/schema-status-snapshot.js';
import { RunLedger, type RunCounts } from '../ops/fleet/run-ledger.js';

/** What the migration views read: the control plane, and the key ring to reach each datasource. */
export interface MigrationAdminDeps {
  control: ControlClient;
  keyRing: KeyRing;
  controlDatabaseUrl: string;
  /** Default: the committed tenant migrations. */
  migrationsDir?: string;
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
  runs(first: number | null | undefined, after: string | null | undefined, countTotal: boolean): Promise<Page<MigrationRun>> {
    return paginate({
      findMany: (args) => this.deps.control.migrationRun.findMany(args),
      count: (args) => this.deps.control.migrationRun.count(args),
      where: {},
      order: { field: 'startedAt', direction: 'desc', nullable: false },
      first,
      after,
      countTotal,
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

  /** The drift report as last checked (`migrate status --recorded`'s): see `readRecordedFleetStatus`. */
  schemaStatus(): Promise<RecordedFleetStatus> {
    return readRecordedFleetStatus({ control: this.deps.control, controlDatabaseUrl: this.deps.controlDatabaseUrl, tenantMigrationsDir: this.deps.migrationsDir });
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
