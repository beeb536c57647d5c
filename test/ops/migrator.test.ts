import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations, MigrationError, readMigrationStatus } from '../../src/ops/migrations/migrator.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { createTestDatabase, sql as query, type TestDatabase } from '../support/databases.js';

const databases: TestDatabase[] = [];
const tempDirs: string[] = [];

async function freshDatabase(label: string): Promise<TestDatabase> {
  const database = await createTestDatabase(label);
  databases.push(database);
  return database;
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const rows = await query<{ found: boolean }>(url, 'SELECT to_regclass($1) IS NOT NULL AS found', [table]);
  return rows[0]?.found === true;
}

/** A migrations folder laid out as Prisma writes one, with the given `name → SQL` entries. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenantgate-migrations-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  writeFileSync(join(dir, 'README.md'), 'not a migration\n');
  mkdirSync(join(dir, '00000000000000_no_script'));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

const committedNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('applyMigrations on the committed schemas', () => {
  it.each([
    ['control', controlMigrationsDir, ['users', 'tenants', 'datasources', 'audit_log']],
    ['tenant', tenantMigrationsDir, ['accounts', 'event_dates', 'invoices', 'communications']],
  ])('applies the %s schema on an empty database, then nothing on a rerun', async (label, dir, tables) => {
    const db = await freshDatabase(`mig_${label}`);
    const names = committedNames(dir);
    const timings: string[] = [];
    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir, onApplied: (name) => timings.push(name) });
    expect(first).toEqual({ applied: names, alreadyApplied: 0, latest: names.at(-1), modified: [], unknown: [] });
    expect(timings).toEqual(names);
    for (const table of tables) {
      expect(await tableExists(db.url, table)).toBe(true);
    }
    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(second).toEqual({ applied: [], alreadyApplied: names.length, latest: names.at(-1), modified: [], unknown: [] });
    expect(await readMigrationStatus({ databaseUrl: db.url, migrationsDir: dir })).toMatchObject({ applied: names, pending: [] });
  });

  it('writes ledger rows shaped as prisma migrate deploy writes them', async () => {
    const db = await freshDatabase('mig_rows');
    await applyMigrations({ databaseUrl: db.url, migrationsDir: tenantMigrationsDir });
    const rows = await query<Record<string, unknown>>(db.url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    const names = committedNames(tenantMigrationsDir);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    rows.forEach((row, index) => {
      const bytes = readFileSync(join(tenantMigrationsDir, names[index] ?? '', 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect((row.finished_at as Date).getTime()).toBeGreaterThanOrEqual((row.started_at as Date).getTime());
    });
    const columns = await query<{ column_name: string; data_type: string }>(
      db.url,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => `${column.column_name}:${column.data_type}`)).toEqual([
      'id:character varying', 'checksum:character varying', 'finished_at:timestamp with time zone',
      'migration_name:character varying', 'logs:text', 'rolled_back_at:timestamp with time zone',
      'started_at:timestamp with time zone', 'applied_steps_count:integer',
    ]);
  });

  it('applies each migration once when two runs race on a fresh database', async () => {
    const db = await freshDatabase('mig_race');
    const runs = await Promise.all([1, 2].map(() => applyMigrations({ databaseUrl: db.url, migrationsDir: tenantMigrationsDir })));
    const names = committedNames(tenantMigrationsDir);
    expect([...runs[0]!.applied, ...runs[1]!.applied].sort()).toEqual(names);
    const counts = await query<{ migration_name: string; n: number }>(
      db.url, 'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
    );
    expect(counts).toEqual(names.map((name) => ({ migration_name: name, n: 1 })));
  });

  it('honours a Prisma-style ?schema= and runs comment-only migrations', async () => {
    const db = await freshDatabase('mig_schema');
    const url = `${db.url}?schema=Tenant_Custom`;
    const dir = migrationsFolder({ '20260101000000_t': 'CREATE TABLE "t" ("id" INTEGER);', '20260102000000_empty': '-- This is an empty migration.' });
    expect((await applyMigrations({ databaseUrl: url, migrationsDir: dir })).applied).toHaveLength(2);
    expect(await tableExists(db.url, '"Tenant_Custom"."t"')).toBe(true);
    expect(await tableExists(db.url, '"Tenant_Custom"._prisma_migrations')).toBe(true);
    expect(await tableExists(db.url, 'public._prisma_migrations')).toBe(false);
    expect(await readMigrationStatus({ databaseUrl: url, migrationsDir: dir })).toMatchObject({ pending: [], latest: '20260102000000_empty' });
  });

  it('reports everything pending on a database never migrated, without creating the ledger', async () => {
    const db = await freshDatabase('mig_status');
    const status = await readMigrationStatus({ databaseUrl: db.url, migrationsDir: controlMigrationsDir });
    expect(status).toEqual({
      applied: [], pending: committedNames(controlMigrationsDir), failed: [], latest: null, modified: [], unknown: [],
    });
    expect(await tableExists(db.url, '_prisma_migrations')).toBe(false);
  });
});

describe('applyMigrations when something goes wrong', () => {
  const good = 'CREATE TABLE "good_one" ("id" INTEGER PRIMARY KEY);\n';
  const broken = 'CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "missing_table" VALUES (1);\n';

  it('rolls a failing migration back, records the attempt, and retries it once fixed', async () => {
    const db = await freshDatabase('mig_broken');
    const dir = migrationsFolder({ '20260101000000_good': good, '20260102000000_broken': broken });
    const failure = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migrationName: '20260102000000_broken', reason: 'failed', sqlState: '42P01' });
    const message = (failure as MigrationError).message;
    expect(message).toContain('20260102000000_broken');
    expect(message).toContain('relation "missing_table" does not exist');
    expect(message).not.toContain(db.url);
    expect(message).not.toContain(new URL(db.url).password);
    expect(await tableExists(db.url, 'good_one')).toBe(true);
    expect(await tableExists(db.url, 'half_done')).toBe(false);

    const attempts = await query<Record<string, unknown>>(
      db.url, `SELECT * FROM _prisma_migrations WHERE migration_name = '20260102000000_broken'`,
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(attempts[0]?.rolled_back_at).toBeInstanceOf(Date);
    expect(attempts[0]?.logs).toContain('missing_table');
    expect(await readMigrationStatus({ databaseUrl: db.url, migrationsDir: dir })).toMatchObject({
      applied: ['20260101000000_good'], pending: ['20260102000000_broken'], failed: [], latest: '20260101000000_good',
    });

    writeFileSync(join(dir, '20260102000000_broken', 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    const rerun = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(rerun).toMatchObject({ applied: ['20260102000000_broken'], alreadyApplied: 1, latest: '20260102000000_broken' });
    expect(await tableExists(db.url, 'half_done')).toBe(true);
  });

  it('refuses to run while a failed migration is unresolved, naming it', async () => {
    const db = await freshDatabase('mig_p3009');
    const dir = migrationsFolder({ '20260101000000_good': good, '20260102000000_next': 'CREATE TABLE "next_one" ("id" INTEGER);' });
    // An empty folder only creates the ledger; the row below is what a failed `prisma migrate deploy` leaves.
    await applyMigrations({ databaseUrl: db.url, migrationsDir: migrationsFolder({}) });
    await query(
      db.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ($1, $2, $3, 'boom')`,
      ['00000000-0000-4000-8000-000000000000', 'x'.repeat(64), '20260101000000_good'],
    );
    const refusal = applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    await expect(refusal).rejects.toThrow(/`20260101000000_good` migration started at .* failed with the following logs:\nboom/);
    await expect(refusal).rejects.toMatchObject({ migrationName: '20260101000000_good', reason: 'unresolved' });
    expect(await tableExists(db.url, 'good_one')).toBe(false);
    expect(await tableExists(db.url, 'next_one')).toBe(false);
    expect(await readMigrationStatus({ databaseUrl: db.url, migrationsDir: dir })).toMatchObject({
      failed: ['20260101000000_good'], pending: ['20260102000000_next'],
    });
  });

  it('reports edited and unknown migrations as warnings, not failures', async () => {
    const db = await freshDatabase('mig_drift');
    const dir = migrationsFolder({ '20260101000000_good': good });
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    writeFileSync(join(dir, '20260101000000_good', 'migration.sql'), `${good}-- edited\n`);
    await query(
      db.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, '20270101000000_from_newer_code', now(), 1)`,
      ['00000000-0000-4000-8000-000000000001', 'y'.repeat(64)],
    );
    const result = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(result).toEqual({
      applied: [], alreadyApplied: 1, latest: '20270101000000_from_newer_code',
      modified: ['20260101000000_good'], unknown: ['20270101000000_from_newer_code'],
    });
  });

  it('treats a checksum that differs only by CRLF line endings as unmodified, as Prisma does', async () => {
    const db = await freshDatabase('mig_crlf');
    const dir = migrationsFolder({ '20260101000000_good': good });
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    writeFileSync(join(dir, '20260101000000_good', 'migration.sql'), good.replace(/\n/g, '\r\n'));
    expect((await readMigrationStatus({ databaseUrl: db.url, migrationsDir: dir })).modified).toEqual([]);
  });

  it('gives up waiting for another runner after lockTimeoutMs', async () => {
    const db = await freshDatabase('mig_lock');
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      const run = applyMigrations({ databaseUrl: db.url, migrationsDir: migrationsFolder({ '20260101000000_good': good }), lockTimeoutMs: 200 });
      await expect(run).rejects.toThrow(/timed out after 200 ms waiting for the migration advisory lock/);
    } finally {
      await holder.end();
    }
    expect(await tableExists(db.url, 'good_one')).toBe(false);
  });

  it('keeps credentials out of connection errors', async () => {
    const url = 'postgresql://someone:s3cret-pass@127.0.0.1:1/nowhere';
    const run = applyMigrations({ databaseUrl: url, migrationsDir: migrationsFolder({}) });
    await expect(run).rejects.toThrow(/cannot connect to the database to migrate it/);
    await expect(run).rejects.not.toThrow(/s3cret-pass/);
  });
});
