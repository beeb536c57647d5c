import { type ControlClient } from '../../control/control-client.js';
import { type Prisma } from '../../generated/control/client.js';
import { type MigrationItemStatus, type MigrationRunStatus } from '../../generated/control/enums.js';
import { type FleetTarget } from './fleet-targets.js';

/** An item a worker holds a lease on. */
export interface ClaimedItem {
  id: string;
  datasourceId: string;
  datasourceName: string;
  tenantSlugs: string[];
  attempts: number;
}

/** How a worker finished an item. */
export interface ItemCompletion {
  status: Extract<MigrationItemStatus, 'MIGRATED' | 'SKIPPED' | 'FAILED'>;
  durationMs: number;
  migrationsApplied: string[];
  schemaVersion: string | null;
  error: string | null;
}

/** Item counts of a run by status. */
export type RunCounts = Record<MigrationItemStatus, number>;

/** Options of {@link RunLedger.createRun}. */
export interface NewRun {
  targets: FleetTarget[];
  controlMigrationsApplied: string[];
  targetVersion: string | null;
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

  /** Plans a run: one PENDING item per target, in the targets' order, in one transaction. */
  async createRun(plan: NewRun): Promise<string> {
    return this.control.$transaction(async (tx) => {
      const run = await tx.migrationRun.create({
        data: {
          targetVersion: plan.targetVersion,
          canary: plan.canary,
          tenantFilter: plan.tenantFilter ?? null,
          controlMigrationsApplied: plan.controlMigrationsApplied,
          startedBy: plan.startedBy,
        },
      });
      await tx.migrationRunItem.createMany({
        data: plan.targets.map((target, position) => ({
          runId: run.id,
          datasourceId: target.datasourceId,
          datasourceName: target.name,
          tenantSlugs: target.tenants.map((tenant) => tenant.slug),
          position,
          wave: position < plan.canary ? 1 : 2,
        })),
      });
      return run.id;
    });
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
   * Claims the next item: PENDING, or RUNNING with an expired lease (a crashed worker's), in
   * position order, wave 2 only once wave 1 has no pending, running or failed item. Returns null
   * when nothing is claimable right now.
   */
  async claim(runId: string, worker: string, leaseMs: number): Promise<ClaimedItem | null> {
    const rows = await this.withoutFlushWait(this.control.$queryRaw<
      { id: string; datasource_id: string; datasource_name: string; tenant_slugs: string[]; attempts: number }[]
    >`
      UPDATE "migration_run_items" AS item
         SET status = 'RUNNING', claimed_by = ${worker}, attempts = item.attempts + 1,
             lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::float8), started_at = now()
       WHERE item.id = (
         SELECT candidate.id FROM "migration_run_items" AS candidate
          WHERE candidate.run_id = ${runId}::uuid
            AND (candidate.status = 'PENDING' OR (candidate.status = 'RUNNING' AND candidate.lease_expires_at < now()))
            AND (candidate.wave = 1 OR NOT EXISTS (
                  SELECT 1 FROM "migration_run_items" AS canary
                   WHERE canary.run_id = candidate.run_id AND canary.wave = 1
                     AND canary.status IN ('PENDING', 'RUNNING', 'FAILED')))
          ORDER BY candidate.position
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING item.id, item.datasource_id, item.datasource_name, item.tenant_slugs, item.attempts`);
    const row = rows[0];
    return row
      ? { id: row.id, datasourceId: row.datasource_id, datasourceName: row.datasource_name, tenantSlugs: row.tenant_slugs, attempts: row.attempts }
      : null;
  }

  /** Renews the lease of every item this worker holds. */
  async heartbeat(worker: string, leaseMs: number): Promise<void> {
    await this.withoutFlushWait(this.control.$executeRaw`
      UPDATE "migration_run_items" SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::float8)
       WHERE claimed_by = ${worker} AND status = 'RUNNING'`);
  }

  /**
   * Records an item's outcome if this worker still holds it. Returns false when its lease had
   * expired and another worker took it over (that worker's result stands).
   */
  async complete(itemId: string, worker: string, completion: ItemCompletion): Promise<boolean> {
    const { count } = await this.withoutFlushWait(
      this.control.migrationRunItem.updateMany({
        where: { id: itemId, claimedBy: worker, status: 'RUNNING' },
        data: { ...completion, finishedAt: new Date(), leaseExpiresAt: null },
      }),
    );
    return count === 1;
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

  /**
   * Runs a claim, heartbeat or completion without waiting for the WAL flush (two per datasource
   * would otherwise dominate a no-op run over a large fleet). Losing the last of them in a
   * control-plane crash is harmless: the item is pending or its lease expires, another worker takes
   * it, and the database's own migration history makes that a skip.
   */
  private async withoutFlushWait<T>(statement: Prisma.PrismaPromise<T>): Promise<T> {
    const [, result] = await this.control.$transaction([this.control.$executeRaw`SET LOCAL synchronous_commit = off`, statement]);
    return result;
  }
}
