import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { projectRoot, tenantMigrationsDir } from '../../src/paths.js';
import { type BenchProfile } from '../bench-profile.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { mapWithConcurrency } from '../support/concurrency.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';

/** One pass of the in-process migrator over the fleet. */
export interface FleetMigrationRun {
  seconds: number;
  perDatabaseMs: LatencySummary;
  failures: number;
}

/** Phase 6: one new migration across the fleet, then a run with nothing to do. */
export interface FleetMigrationResults {
  databases: number;
  concurrency: number;
  migration: string;
  apply: FleetMigrationRun;
  noop: FleetMigrationRun;
  /** Why the `prisma migrate deploy` comparison did not run, or null when it did. */
  prismaMigrateDeploy: { skipped: string };
}

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

async function migrateFleet(urls: string[], dir: string, concurrency: number, expectApplied: number): Promise<FleetMigrationRun> {
  const started = performance.now();
  let failures = 0;
  const times = await mapWithConcurrency(urls, concurrency, async (databaseUrl) => {
    const begun = performance.now();
    try {
      const result = await applyMigrations({ databaseUrl, migrationsDir: dir });
      if (result.applied.length !== expectApplied) {
        failures += 1;
      }
    } catch {
      failures += 1;
    }
    return performance.now() - begun;
  });
  return { seconds: Math.round((performance.now() - started) / 10) / 100, perDatabaseMs: summarize(times), failures };
}

export async function runFleetMigrationPhase(
  postgres: BenchPostgres,
  fleet: BenchFleet,
  profile: BenchProfile,
  log: (message: string) => void,
): Promise<FleetMigrationResults> {
  const { databases, concurrency } = profile.fleet;
  const urls = fleet.tenants.slice(0, databases).map((tenant) => postgres.urlFor(tenant.database));
  const migrations = migrationsWithBenchChange();
  try {
    const apply = await migrateFleet(urls, migrations.dir, concurrency, 1);
    log(`  one new migration on ${databases} databases: ${apply.seconds} s (${apply.failures} failures)`);
    const noop = await migrateFleet(urls, migrations.dir, concurrency, 0);
    log(`  no-op run on ${databases} databases: ${noop.seconds} s (${noop.failures} failures)`);
    if (apply.failures > 0 || noop.failures > 0) {
      throw new Error(`fleet migration: ${apply.failures} failed applies, ${noop.failures} failed no-op runs`);
    }
    const skipped = prismaSchemaEngineMissing();
    return {
      databases,
      concurrency,
      migration: BENCH_MIGRATION.name,
      apply,
      noop,
      prismaMigrateDeploy: { skipped: skipped ?? 'the schema engine is present, but this harness compares the in-process migrator only' },
    };
  } finally {
    migrations.cleanup();
  }
}
