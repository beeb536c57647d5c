import { type ControlClient } from '../../control/control-client.js';
import { type MigrationItemStatus, type MigrationRunStatus } from '../../generated/control/enums.js';
import { type DriftState } from './fleet-status.js';
import { type FleetTarget } from './fleet-targets.js';

/** An item a worker holds a lease on. */
export interface ClaimedItem {
  id: string;
  datasourceId: string;
  datasourceName: string;
  tenantSlugs: string[];
  attempts: number;
}

/**
 * What migrating a datasource saw of its database, recorded as the datasource's latest schema check
 * (the table `migrate status` and the admin drift report write too). `latest` is null when a
 * failure left it unknown; the previous check's value is kept then.
 */
export interface DatasourceCheck {
  state: DriftState;
  latest: string | null;
  /** Applied migrations in the database after the run (unknown on failure: null). */
  applied: number | null;
  failed: string[];
  modified: string[];
}

/** How a worker finished an item. */
export interface ItemCompletion {
  status: Extract<MigrationItemStatus, 'MIGRATED' | 'SKIPPED' | 'FAILED'>;
  durationMs: number;
  migrationsApplied: string[];
  schemaVersion: string | null;
  error: string | null;
  check: DatasourceCheck;
}

/** The migrations a run compares every database with. */
export interface RunMigrations {
  /** The newest one: the schema version a current database has. */
  targetVersion: string | null;
  /** `fingerprintOf` all of them (`migration-files.ts`). */
  filesFingerprint: string;
}

/** An item this worker finished, with how. */
export interface FinishedItem {
  item: ClaimedItem;
  completion: ItemCompletion;
}

/** Item counts of a run by status. */
export type RunCounts = Record<MigrationItemStatus, number>;

/** Options of {@link RunLedger.createRun}. */
export interface NewRun extends RunMigrations {
  targets: FleetTarget[];
  controlMigrationsApplied: string[];
  /** Read every database, even those the last check saw current against these migrations. */
  verify: boolean;
  /** The first `canary` targets form wave 1; the rest are claimable only once it succeeded. */
  canary: number;
  tenantFilter?: string;
  startedBy: string;
}

/**
 * The run ledger in the control plane: a run and one item per datasource. Workers on any machine
 * claim items with `FOR UPDATE SKIP LOCKED` and a lease they renew; an item whose lease expired
 * (its worker crashed) is claimable again, so no datasource is lost and none is held twice.
 */
export class RunLedger {
  constructor(private readonly control: ControlClient) {}

  /**
   * Plans a run: one item per target, in the targets' order, in one statement (so the run and its
   * items exist together or not at all). Its size does not depend on the fleet's: the items travel
   * as one JSON parameter. Unless `verify` is set, a datasource whose last check (by a run or by
   * `migrate status`) saw it current against exactly these migrations, and whose tenants all
   * record that version, is planned SKIPPED with no attempt: nothing connects to it, which is what
   * makes a run with nothing to do take one statement instead of a connection per database. Every
   * other item is PENDING.
   */
  async createRun(plan: NewRun): Promise<string> {
    const items = JSON.stringify(
      plan.targets.map((target, position) => ({
        datasource_id: target.datasourceId,
        datasource_name: target.name,
        tenant_slugs: target.tenants.map((tenant) => tenant.slug),
        position,
        wave: position < plan.canary ? 1 : 2,
      })),
    );
    const [run] = await this.control.$queryRaw<{ id: string }[]>`
      WITH run AS (
        INSERT INTO "migration_runs" (id, target_version, canary, tenant_filter, control_migrations_applied, started_by)
        VALUES (gen_random_uuid(), ${plan.targetVersion}, ${plan.canary}, ${plan.tenantFilter ?? null}, ${plan.controlMigrationsApplied}::text[], ${plan.startedBy})
        RETURNING id
      ), items AS (
        INSERT INTO "migration_run_items" (id, run_id, datasource_id, datasource_name, tenant_slugs, position, wave, status, schema_version, finished_at)
        SELECT gen_random_uuid(), run.id, item.datasource_id, item.datasource_name, item.tenant_slugs, item.position, item.wave,
               CASE WHEN checked.datasource_id IS NULL THEN 'PENDING' ELSE 'SKIPPED' END::"MigrationItemStatus",
               checked.latest, CASE WHEN checked.datasource_id IS NULL THEN NULL ELSE now() END
          FROM run CROSS JOIN jsonb_to_recordset(${items}::jsonb)
            AS item(datasource_id uuid, datasource_name text, tenant_slugs text[], position integer, wave integer)
          LEFT JOIN "datasource_schema_status" AS checked
            ON NOT ${plan.verify} AND checked.datasource_id = item.datasource_id
           AND checked.state = 'current' AND checked.files_fingerprint = ${plan.filesFingerprint}
           AND NOT EXISTS (SELECT 1 FROM "tenants" AS tenant
                            WHERE tenant.datasource_id = item.datasource_id AND tenant.schema_version IS DISTINCT FROM checked.latest)
      )
      SELECT id::text FROM run`;
    if (!run) {
      throw new Error('the migration run could not be recorded');
    }
    return run.id;
  }

  /** The run, or null. */
  findRun(runId: string) {
    return this.control.migrationRun.findUnique({ where: { id: runId } });
  }

  /** The newest run that did not finish (interrupted, or still marked running), or null. */
  findResumable() {
    return this.control.migrationRun.findFirst({
      where: { status: { in: ['RUNNING', 'INTERRUPTED'] } },
      orderBy: { startedAt: 'desc' },
    });
  }

  /** Marks a run running again (a worker joins or resumes it). */
  async reopen(runId: string): Promise<void> {
    await this.control.migrationRun.update({ where: { id: runId }, data: { status: 'RUNNING', finishedAt: null } });
  }

  /**
   * Claims up to `limit` items in one statement: PENDING, or RUNNING with an expired lease (a
   * crashed worker's), in position order, wave 2 only once wave 1 has no pending, running or failed
   * item. Rows another worker is claiming at the same moment are skipped, never shared. Returns the
   * items in position order; empty when nothing is claimable right now.
   */
  async claim(runId: string, worker: string, leaseMs: number, limit: number): Promise<ClaimedItem[]> {
    const rows = await this.control.$queryRaw<
      { id: string; datasource_id: string; datasource_name: string; tenant_slugs: string[]; attempts: number; position: number }[]
    >`
      UPDATE "migration_run_items" AS item
         SET status = 'RUNNING', claimed_by = ${worker}, attempts = item.attempts + 1,
             lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::float8), started_at = now()
       WHERE item.id IN (
         SELECT candidate.id FROM "migration_run_items" AS candidate
          WHERE candidate.run_id = ${runId}::uuid
            AND (candidate.status = 'PENDING' OR (candidate.status = 'RUNNING' AND candidate.lease_expires_at < now()))
            -- Not correlated with the candidate, so Postgres decides it once per claim, not once per row.
            AND (candidate.wave = 1 OR NOT EXISTS (
                  SELECT 1 FROM "migration_run_items" AS canary
                   WHERE canary.run_id = ${runId}::uuid AND canary.wave = 1
                     AND canary.status IN ('PENDING', 'RUNNING', 'FAILED')))
          ORDER BY candidate.position
          LIMIT ${Math.max(1, Math.floor(limit))}
          FOR UPDATE SKIP LOCKED)
      RETURNING item.id, item.datasource_id, item.datasource_name, item.tenant_slugs, item.attempts, item.position`;
    return rows
      .sort((a, b) => a.position - b.position)
      .map((row) => ({ id: row.id, datasourceId: row.datasource_id, datasourceName: row.datasource_name, tenantSlugs: row.tenant_slugs, attempts: row.attempts }));
  }

  /** Renews the lease of every item this worker holds. */
  async heartbeat(worker: string, leaseMs: number): Promise<void> {
    await this.control.$executeRaw`
      UPDATE "migration_run_items" SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::float8)
       WHERE claimed_by = ${worker} AND status = 'RUNNING'`;
  }

  /**
   * Records the outcomes of items this worker still holds, and the schema version each reached on
   * its datasource's tenants (what the gateway's TENANT_SCHEMA_OUTDATED gate reads), in one
   * statement. An item whose lease expired and was taken over is left to its new worker, version
   * included, so a stale worker never overwrites a newer record. Tenants already at the version are
   * not touched, so a no-op run writes nothing there. What each item saw of its database is
   * recorded as the datasource's schema check in the same statement (see `schema-status-snapshot.ts`).
   * Returns how many outcomes were recorded.
   */
  async complete(worker: string, finished: FinishedItem[], migrations: RunMigrations): Promise<number> {
    if (finished.length === 0) {
      return 0;
    }
    const outcomes = JSON.stringify(
      finished.map(({ item, completion }) => ({
        id: item.id,
        status: completion.status,
        duration_ms: completion.durationMs,
        migrations_applied: completion.migrationsApplied,
        schema_version: completion.schemaVersion,
        error: completion.error,
        state: completion.check.state,
        latest: completion.check.latest,
        applied: completion.check.applied,
        failed: completion.check.failed,
        modified: completion.check.modified,
        files_fingerprint: completion.check.state === 'current' ? migrations.filesFingerprint : null,
      })),
    );
    const [row] = await this.control.$queryRaw<{ recorded: number }[]>`
      WITH outcome AS (
        SELECT * FROM jsonb_to_recordset(${outcomes}::jsonb)
            AS v(id uuid, status "MigrationItemStatus", duration_ms integer, migrations_applied text[], schema_version text, error text,
                 state text, latest text, applied integer, failed text[], modified text[], files_fingerprint text)
      ), done AS (
        UPDATE "migration_run_items" AS item
           SET status = outcome.status, duration_ms = outcome.duration_ms, migrations_applied = outcome.migrations_applied,
               schema_version = outcome.schema_version, error = outcome.error, finished_at = now(), lease_expires_at = NULL
          FROM outcome
         WHERE item.id = outcome.id AND item.claimed_by = ${worker} AND item.status = 'RUNNING'
        RETURNING item.id, item.datasource_id, item.schema_version
      ), checks AS (
        INSERT INTO "datasource_schema_status" AS status
               (datasource_id, state, latest, applied, pending, failed, modified, error, target_version, files_fingerprint, checked_at)
        SELECT done.datasource_id, outcome.state, outcome.latest, COALESCE(outcome.applied, 0), '{}', outcome.failed, outcome.modified,
               outcome.error, ${migrations.targetVersion}, outcome.files_fingerprint, now()
          FROM done JOIN outcome ON outcome.id = done.id
         WHERE EXISTS (SELECT 1 FROM "datasources" WHERE id = done.datasource_id)
        ON CONFLICT (datasource_id) DO UPDATE
           SET state = EXCLUDED.state, latest = COALESCE(EXCLUDED.latest, status.latest),
               applied = CASE WHEN EXCLUDED.latest IS NULL THEN status.applied ELSE EXCLUDED.applied END,
               pending = EXCLUDED.pending, failed = EXCLUDED.failed, modified = EXCLUDED.modified, error = EXCLUDED.error,
               target_version = EXCLUDED.target_version, files_fingerprint = EXCLUDED.files_fingerprint, checked_at = EXCLUDED.checked_at
      ), versions AS (
        UPDATE "tenants" AS tenant
           SET schema_version = done.schema_version, updated_at = now()
          FROM done
         WHERE tenant.datasource_id = done.datasource_id AND done.schema_version IS NOT NULL
           AND tenant.schema_version IS DISTINCT FROM done.schema_version
        RETURNING tenant.id
      )
      SELECT (SELECT count(*) FROM done)::integer AS recorded`;
    return row?.recorded ?? 0;
  }

  /**
   * Hands claimed items this worker never started back to the run (PENDING, the claim's attempt
   * undone), so an interrupted worker leaves nothing waiting for its lease to expire.
   */
  async release(worker: string, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) {
      return;
    }
    await this.control.$executeRaw`
      UPDATE "migration_run_items"
         SET status = 'PENDING', claimed_by = NULL, lease_expires_at = NULL, started_at = NULL, attempts = attempts - 1
       WHERE id = ANY(${itemIds}::uuid[]) AND claimed_by = ${worker} AND status = 'RUNNING'`;
  }

  /**
   * Whether the run still has work a worker could get: a pending item, or one held by another
   * worker (whose lease may expire). This worker's own in-flight items do not count.
   */
  async hasOpenWork(runId: string, worker: string): Promise<boolean> {
    const open = await this.control.migrationRunItem.count({
      where: { runId, OR: [{ status: 'PENDING' }, { status: 'RUNNING', claimedBy: { not: worker } }] },
    });
    return open > 0;
  }

  /** Item counts of the run by status. */
  async counts(runId: string): Promise<RunCounts> {
    const groups = await this.control.migrationRunItem.groupBy({ by: ['status'], where: { runId }, _count: { _all: true } });
    const counts: RunCounts = { PENDING: 0, RUNNING: 0, MIGRATED: 0, SKIPPED: 0, FAILED: 0, CANCELLED: 0 };
    for (const group of groups) {
      counts[group.status] = group._count._all;
    }
    return counts;
  }

  /** When the canary wave is over and failed, cancels wave 2 so the run can end. */
  async cancelAfterFailedCanary(runId: string): Promise<number> {
    const canary = await this.control.migrationRunItem.groupBy({ by: ['status'], where: { runId, wave: 1 }, _count: { _all: true } });
    const open = canary.some((group) => group.status === 'PENDING' || group.status === 'RUNNING');
    if (open || !canary.some((group) => group.status === 'FAILED')) {
      return 0;
    }
    const { count } = await this.control.migrationRunItem.updateMany({
      where: { runId, wave: 2, status: 'PENDING' },
      data: { status: 'CANCELLED', error: 'not attempted: a datasource of the canary wave failed', finishedAt: new Date() },
    });
    return count;
  }

  /** Sets the run's final status from its items once none is pending or running. */
  async finish(runId: string, interrupted: boolean): Promise<MigrationRunStatus> {
    const counts = await this.counts(runId);
    let status: MigrationRunStatus;
    if (counts.PENDING > 0 || counts.RUNNING > 0) {
      status = interrupted ? 'INTERRUPTED' : 'RUNNING';
    } else {
      status = counts.FAILED > 0 || counts.CANCELLED > 0 ? 'FAILED' : 'COMPLETED';
    }
    await this.control.migrationRun.update({
      where: { id: runId },
      data: { status, finishedAt: status === 'RUNNING' || status === 'INTERRUPTED' ? null : new Date() },
    });
    return status;
  }

  /** Every item of the run in position order, for the summary. */
  items(runId: string) {
    return this.control.migrationRunItem.findMany({ where: { runId }, orderBy: { position: 'asc' } });
  }
}
