import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, formatEncryptionKey, generateEncryptionKey, type EncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { mapWithConcurrency } from '../../bench/support/concurrency.js';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from './databases.js';

/** The test-only migration every fleet test rolls out after the committed ones. */
export const PROBE_MIGRATION = '20991231000000_fleet_probe';

/** One tenant of a {@link MigrationFleet}. */
export interface MigrationFleetTenant {
  id: string;
  slug: string;
  datasource: string;
  database: string;
}

/** A control plane with many tenant databases, all current with the committed tenant migrations. */
export interface MigrationFleet {
  control: TestDatabase;
  controlPlane: ControlPlane;
  key: EncryptionKey;
  /** Dedicated tenants first (`t00`…), then the pooled ones (`pool-a`, `pool-b` on `pooled-db`). */
  tenants: MigrationFleetTenant[];
  /** The committed tenant migrations plus {@link PROBE_MIGRATION}. */
  migrationsDir: string;
  /** Environment for the `tenantgate` CLI over this fleet. */
  env: Record<string, string>;
  /** Runs SQL on one tenant database. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** Options of {@link startMigrationFleet}. */
export interface MigrationFleetOptions {
  label: string;
  dedicated: number;
  /** SQL run by the probe migration after creating its table, e.g. a `pg_sleep` to slow a run down. */
  probeExtraSql?: string;
}

/**
 * Builds the fleet quickly: one template database migrated by the product's migrator, copied with
 * `CREATE DATABASE … TEMPLATE`, then each tenant provisioned by the product's own provisioning.
 */
export async function startMigrationFleet(options: MigrationFleetOptions): Promise<MigrationFleet> {
  const suffix = randomBytes(3).toString('hex');
  const control = await createTestDatabase(`${options.label}_control`);
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  const template = await createTestDatabase(`${options.label}_template`);
  await applyMigrations({ databaseUrl: template.url, migrationsDir: tenantMigrationsDir });
  const key = generateEncryptionKey(`fleet-${suffix}`);
  const keyRing = createKeyRing(key, []);
  const controlPlane = createControlPlane(control.url, 4);
  const databases: string[] = [];
  const tenants: MigrationFleetTenant[] = [];
  const place = async (slug: string, database: string, datasource: string, kind: 'DEDICATED' | 'POOLED') => {
    const { tenant } = await provisionTenant(
      { control: controlPlane.client, keyRing },
      { slug, name: slug, datasource: { name: datasource, kind, url: databaseUrl(database), poolMax: 1 } },
    );
    tenants.push({ id: tenant.id, slug, datasource, database });
  };
  const copy = async (name: string) => {
    const database = `tg_${options.label}_${name}_${suffix}`.replace(/-/g, '_');
    await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${template.name}"`);
    databases.push(database);
    return database;
  };
  const slugs = Array.from({ length: options.dedicated }, (_, i) => `t${String(i).padStart(2, '0')}`);
  await mapWithConcurrency(slugs, 4, async (slug) => place(slug, await copy(slug), `${slug}-db`, 'DEDICATED'));
  tenants.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const pooled = await copy('pooled');
  await place('pool-a', pooled, 'pooled-db', 'POOLED');
  await place('pool-b', pooled, 'pooled-db', 'POOLED');
  const migrationsDir = writeProbeMigrations(options.probeExtraSql ?? '');
  return {
    control,
    controlPlane,
    key,
    tenants,
    migrationsDir,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: control.url,
      TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(key),
      JWT_SECRET: randomBytes(32).toString('hex'),
    },
    async query(database, sql) {
      const client = new pg.Client({ connectionString: databaseUrl(database) });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      await controlPlane.close();
      rmSync(migrationsDir, { recursive: true, force: true });
      for (const database of [...databases, template.name, control.name]) {
        await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      }
    },
  };
}

/**
 * A copy of the committed tenant migrations with {@link PROBE_MIGRATION} added, in Prisma's
 * format, and any `more` migrations (folder name → SQL).
 */
export function writeProbeMigrations(extraSql: string, more: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tg-fleet-migrations-'));
  for (const entry of readdirSync(tenantMigrationsDir)) {
    cpSync(join(tenantMigrationsDir, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, PROBE_MIGRATION));
  const sql = `-- CreateTable\nCREATE TABLE "fleet_probe" (\n    "id" INTEGER NOT NULL,\n\n    CONSTRAINT "fleet_probe_pkey" PRIMARY KEY ("id")\n);\n`;
  writeFileSync(join(dir, PROBE_MIGRATION, 'migration.sql'), extraSql ? `${sql}\n${extraSql}\n` : sql);
  for (const [name, migration] of Object.entries(more)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), migration);
  }
  return dir;
}

/** How many times each database holds a finished row of `migration` in `_prisma_migrations`. */
export async function appliedCounts(fleet: MigrationFleet, migration = PROBE_MIGRATION): Promise<Map<string, number>> {
  const databases = [...new Set(fleet.tenants.map((tenant) => tenant.database))];
  const counts = await mapWithConcurrency(databases, 8, async (database) => {
    const rows = await fleet.query<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '${migration}' AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return [database, rows[0]?.n ?? 0] as const;
  });
  return new Map(counts);
}
