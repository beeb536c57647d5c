import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, parseEncryptionKey, type KeyRing } from '../../src/crypto/key-ring.js';
import { migrateFleet, type FleetMigrationOptions } from '../../src/ops/fleet/fleet-migration.js';
import { readFleetStatus } from '../../src/ops/fleet/fleet-status.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { createDatabaseIfMissing } from '../../src/ops/provisioning/database-creation.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, projectRoot, tenantMigrationsDir } from '../../src/paths.js';
import { type BenchProfile } from '../bench-profile.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { mapWithConcurrency } from '../support/concurrency.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';

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
  noop: FleetMigrationRun;
  /** `tenantgate migrate status` over the same fleet once it is current. */
  status: { seconds: number; allCurrent: boolean };
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
    : 'the Prisma CLI (7.x) needs its native schema engine, which this machine cannot download (npm registry only); see shared/notes/prisma-offline.md';
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

async function timedRun(options: FleetMigrationOptions, expectApplied: number): Promise<FleetMigrationRun> {
  const started = performance.now();
  const report = await migrateFleet(options);
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const failures = report.items.filter((item) => item.status === 'FAILED' || item.migrationsApplied.length !== expectApplied).length;
  return { seconds, perDatabaseMs: summarize(report.items.map((item) => item.durationMs ?? 0)), failures };
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
    const apply = await timedRun(options, 1);
    log(`  one new migration on ${databases} databases: ${apply.seconds} s (${apply.failures} failures)`);
    const noop = await timedRun(options, 0);
    log(`  no-op run on ${databases} databases: ${noop.seconds} s (${noop.failures} failures)`);
    const statusStarted = performance.now();
    const report = await readFleetStatus({ ...options, concurrency });
    const status = { seconds: Math.round((performance.now() - statusStarted) / 10) / 100, allCurrent: report.allCurrent };
    log(`  migrate status over ${databases} databases: ${status.seconds} s (all current: ${status.allCurrent})`);
    if (apply.failures > 0 || noop.failures > 0 || !status.allCurrent) {
      throw new Error(`fleet migration: ${apply.failures} failed applies, ${noop.failures} failed no-op runs, all current: ${status.allCurrent}`);
    }
    const skipped = prismaSchemaEngineMissing();
    return {
      databases,
      concurrency,
      migration: BENCH_MIGRATION.name,
      apply,
      noop,
      status,
      prismaMigrateDeploy: { skipped: skipped ?? 'the schema engine is present, but this harness compares the in-process migrator only' },
    };
  } finally {
    await plane.close();
    migrations.cleanup();
  }
}
