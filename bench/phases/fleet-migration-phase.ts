import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, parseEncryptionKey, type KeyRing } from '../../src/crypto/key-ring.js';
import { migrateFleet, type FleetMigrationOptions } from '../../src/ops/fleet/fleet-migration.js';
import { readFleetStatus } from '../../src/ops/fleet/fleet-status.js';
import { readSchemaStatusSnapshot } from '../../src/ops/fleet/schema-status-snapshot.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { createDatabaseIfMissing } from '../../src/ops/provisioning/database-creation.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, projectRoot, tenantMigrationsDir } from '../../src/paths.js';
import { type BenchProfile } from '../bench-profile.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { mapWithConcurrency } from '../support/concurrency.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';
import { processTreeCpuMs } from '../support/process-cpu.js';

/** One `tenantgate migrate` run over the fleet (the CLI's library, run ledger included). */
export interface FleetMigrationRun {
  seconds: number;
  perDatabaseMs: LatencySummary;
  failures: number;
}

/** Phase 6: one new migration across the fleet, a run with nothing to do, and the drift report. */
export interface FleetMigrationResults {
  databases: number;
  concurrency: number;
  migration: string;
  apply: FleetMigrationRun;
  /** A second run: every datasource skipped from the check the first run recorded. */
  noop: FleetMigrationRun;
  /** `migrate --verify`: the same, reading every database's history. */
  noopVerified: FleetMigrationRun;
  /** `tenantgate migrate status` over the same fleet once it is current (reads every database). */
  status: { seconds: number; allCurrent: boolean };
  /** The admin API's drift report: the checks recorded in the control plane. */
  recordedStatus: { seconds: number; current: number };
  /** PostgreSQL CPU per database of each step, ms (null: not readable). */
  postgresCpuMsPerDatabase: { apply: number | null; noop: number | null; noopVerified: number | null; status: number | null };
  /** Why the `prisma migrate deploy` comparison did not run, or null when it did. */
  prismaMigrateDeploy: { skipped: string };
}

/** The control plane of this phase's fleet: only the dedicated databases it migrates. */
const FLEET_CONTROL = 'bench_fleet_control';

/** A realistic additive change: a nullable column and an index that covers it per tenant. */
const BENCH_MIGRATION = {
  name: '29990101000000_bench_account_rating',
  sql: 'ALTER TABLE "accounts" ADD COLUMN "bench_rating" INTEGER;\n\nCREATE INDEX "accounts_tenant_id_bench_rating_idx" ON "accounts"("tenant_id", "bench_rating");\n',
};

function migrationsWithBenchChange(): { dir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'tenantgate-bench-migrations-'));
  const dir = join(root, 'migrations');
  cpSync(tenantMigrationsDir, dir, { recursive: true });
  mkdirSync(join(dir, BENCH_MIGRATION.name));
  writeFileSync(join(dir, BENCH_MIGRATION.name, 'migration.sql'), BENCH_MIGRATION.sql);
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Prisma 7's `migrate deploy` needs its native schema engine; it is never downloaded here. */
function prismaSchemaEngineMissing(): string | null {
  const engines = join(projectRoot, 'node_modules', '@prisma', 'engines');
  const present = existsSync(engines) && readdirSync(engines).some((name) => name.startsWith('schema-engine'));
  return present
    ? null
    : 'the Prisma CLI (7.x) needs its native schema engine, which this machine cannot download (npm registry only)';
}

/**
 * A control plane of its own holding exactly the first `databases` dedicated tenant databases (the
 * bench's main control plane also registers idle and pooled datasources on the same databases).
 */
async function fleetControlPlane(postgres: BenchPostgres, fleet: BenchFleet, databases: number): Promise<{ url: string; keyRing: KeyRing }> {
  await createDatabaseIfMissing(postgres.adminUrl, FLEET_CONTROL);
  const url = postgres.urlFor(FLEET_CONTROL);
  await applyMigrations({ databaseUrl: url, migrationsDir: controlMigrationsDir });
  const keyRing = createKeyRing(parseEncryptionKey(fleet.serverEnv.TENANTGATE_ENCRYPTION_KEY ?? '', 'bench key'), []);
  const plane = createControlPlane(url, 4);
  try {
    await mapWithConcurrency(fleet.tenants.slice(0, databases), 8, (tenant) =>
      provisionTenant(
        { control: plane.client, keyRing },
        { slug: tenant.slug, name: tenant.slug, datasource: { name: `${tenant.slug}-db`, kind: 'DEDICATED', url: postgres.urlFor(tenant.database) } },
      ),
    );
  } finally {
    await plane.close();
  }
  return { url, keyRing };
}

const secondsSince = (started: number) => Math.round((performance.now() - started) / 10) / 100;

async function timedRun(options: FleetMigrationOptions, expectApplied: number): Promise<FleetMigrationRun> {
  const started = performance.now();
  const report = await migrateFleet(options);
  const seconds = secondsSince(started);
  const failures = report.items.filter((item) => item.status === 'FAILED' || item.migrationsApplied.length !== expectApplied).length;
  return { seconds, perDatabaseMs: summarize(report.items.map((item) => item.durationMs ?? 0)), failures };
}

/** Runs a step and measures PostgreSQL's CPU per database over it. */
async function withServerCpu<T>(postgres: BenchPostgres, databases: number, step: () => Promise<T>): Promise<{ result: T; cpuMsPerDatabase: number | null }> {
  const before = postgres.postmasterPid === null ? null : processTreeCpuMs(postgres.postmasterPid);
  const result = await step();
  const after = postgres.postmasterPid === null ? null : processTreeCpuMs(postgres.postmasterPid);
  return { result, cpuMsPerDatabase: before === null || after === null ? null : Math.round(((after - before) / databases) * 10) / 10 };
}

export async function runFleetMigrationPhase(
  postgres: BenchPostgres,
  fleet: BenchFleet,
  profile: BenchProfile,
  log: (message: string) => void,
): Promise<FleetMigrationResults> {
  const { databases, concurrency } = profile.fleet;
  const migrations = migrationsWithBenchChange();
  const { url, keyRing } = await fleetControlPlane(postgres, fleet, databases);
  const plane = createControlPlane(url, 4);
  try {
    const options = { control: plane.client, keyRing, controlDatabaseUrl: url, tenantMigrationsDir: migrations.dir, concurrency };
    const apply = await withServerCpu(postgres, databases, () => timedRun(options, 1));
    log(`  one new migration on ${databases} databases: ${apply.result.seconds} s (${apply.result.failures} failures)`);
    const noop = await withServerCpu(postgres, databases, () => timedRun(options, 0));
    log(`  no-op run on ${databases} databases: ${noop.result.seconds} s (${noop.result.failures} failures)`);
    const noopVerified = await withServerCpu(postgres, databases, () => timedRun({ ...options, verify: true }, 0));
    log(`  no-op run with --verify: ${noopVerified.result.seconds} s (${noopVerified.result.failures} failures)`);
    const statusStarted = performance.now();
    const live = await withServerCpu(postgres, databases, () => readFleetStatus({ ...options, concurrency }));
    const status = { seconds: secondsSince(statusStarted), allCurrent: live.result.allCurrent };
    log(`  migrate status over ${databases} databases: ${status.seconds} s (all current: ${status.allCurrent})`);
    const recordedStarted = performance.now();
    const snapshot = await readSchemaStatusSnapshot(plane.client);
    const recordedStatus = { seconds: secondsSince(recordedStarted), current: snapshot.datasources.filter((one) => one.state === 'current').length };
    log(`  recorded drift report: ${recordedStatus.seconds} s (${recordedStatus.current} current)`);
    const failures = apply.result.failures + noop.result.failures + noopVerified.result.failures;
    if (failures > 0 || !status.allCurrent || recordedStatus.current !== databases) {
      throw new Error(`fleet migration: ${failures} failed items, all current: ${status.allCurrent}, recorded current: ${recordedStatus.current}`);
    }
    const skipped = prismaSchemaEngineMissing();
    return {
      databases,
      concurrency,
      migration: BENCH_MIGRATION.name,
      apply: apply.result,
      noop: noop.result,
      noopVerified: noopVerified.result,
      status,
      recordedStatus,
      postgresCpuMsPerDatabase: {
        apply: apply.cpuMsPerDatabase,
        noop: noop.cpuMsPerDatabase,
        noopVerified: noopVerified.cpuMsPerDatabase,
        status: live.cpuMsPerDatabase,
      },
      prismaMigrateDeploy: { skipped: skipped ?? 'the schema engine is present, but this harness compares the in-process migrator only' },
    };
  } finally {
    await plane.close();
    migrations.cleanup();
  }
}
