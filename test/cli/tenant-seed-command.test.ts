import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, formatEncryptionKey, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { countTenantRows } from '../../src/ops/tenant-data/tenant-rows.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { spawnCli } from '../support/cli-process.js';
import { createTestDatabase, sql, type TestDatabase } from '../support/databases.js';
import { eventually } from '../support/processes.js';
import { schemaObjects } from '../support/tenant-references.js';

/** Real processes on a machine that may be busy with other suites. */
const PROCESS_TEST_TIMEOUT = 120_000;
const key = generateEncryptionKey('seed-cli');
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let dedicated: TestDatabase;
let tenantId: string;
let env: Record<string, string>;
let dataDir: string;

/** Runs `tenantgate ARGS` as the operator would, to its end. */
async function tenantgate(args: string[]) {
  const cli = spawnCli(args, env);
  const code = await cli.exited;
  return { code, out: cli.stdout(), err: cli.stderr() };
}

/** The tenant's business rows (its document counters in `number_sequences` left out). */
async function totalRows(): Promise<number> {
  const { number_sequences: _counters, ...tables } = await countTenantRows(dedicated.url, tenantId);
  return Object.values(tables).reduce((sum, rows) => sum + rows, 0);
}

beforeAll(async () => {
  const control = await createTestDatabase('seed_cli_control');
  dedicated = await createTestDatabase('seed_cli_dedicated');
  databases.push(control, dedicated);
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(control.url, 2);
  const { tenant } = await provisionTenant({ control: controlPlane.client, keyRing: createKeyRing(key, []) }, {
    slug: 'grower', name: 'Grower Events', datasource: { name: 'grower-db', kind: 'DEDICATED', url: dedicated.url },
  });
  tenantId = tenant.id;
  dataDir = mkdtempSync(join(tmpdir(), 'tg-seed-cli-'));
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: control.url,
    TENANTGATE_DATA_DIR: dataDir,
    TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(key),
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
});

afterAll(async () => {
  await controlPlane?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await Promise.all(databases.map((db) => db.drop()));
});

test('tenants seed --json prints one JSON summary of the rows it inserted', async () => {
  const seeded = await tenantgate(['tenants', 'seed', 'grower', '--rows', '5000', '--json']);
  expect(seeded).toMatchObject({ code: 0, err: '' });
  const summary = JSON.parse(seeded.out) as { rows: number; exclusive: boolean; rowsPerSecond: number; keyAccount: { id: string; name: string }; tables: { table: string; rows: number }[] };
  expect(summary).toMatchObject({ exclusive: true, keyAccount: { name: 'Grower Events Key Account' }, rowsPerSecond: expect.any(Number) as number });
  expect(summary.rows).toBeGreaterThan(4_500);
  expect(summary.rows).toBeLessThan(5_500);
  expect(summary.tables).toHaveLength(16);
  expect(await totalRows()).toBe(summary.rows);
  const [keyAccount] = await sql<{ name: string }>(dedicated.url, 'SELECT name FROM accounts WHERE id = $1', [summary.keyAccount.id]);
  expect(keyAccount?.name).toBe('Grower Events Key Account');
}, PROCESS_TEST_TIMEOUT);

test('tenants seed prints a summary table with rows per second', async () => {
  const seeded = await tenantgate(['tenants', 'seed', 'grower', '--rows', '800', '--no-exclusive']);
  expect(seeded.code).toBe(0);
  expect(seeded.out).toMatch(/seeded tenant grower with [\d,]+ rows \(shared/);
  expect(seeded.out).toMatch(/table[\s\S]*rows\/s[\s\S]*communications[\s\S]*total/);
  expect(seeded.out).toMatch(/key account\s+Grower Events Key Account \([0-9a-f-]{36}\)/);
}, PROCESS_TEST_TIMEOUT);

test('tenants seed refuses an unknown tenant and a row count that is not a positive integer up to the maximum', async () => {
  const before = await totalRows();
  expect(await tenantgate(['tenants', 'seed', 'nobody', '--rows', '100'])).toMatchObject({ code: 1, err: 'tenant nobody was not found\n' });
  expect(await tenantgate(['tenants', 'seed', 'grower', '--rows', '0'])).toMatchObject({ code: 2, err: expect.stringContaining('expected a positive integer, got "0"') });
  expect(await tenantgate(['tenants', 'seed', 'grower', '--rows', 'many'])).toMatchObject({ code: 2, err: expect.stringContaining('expected a positive integer') });
  expect(await tenantgate(['tenants', 'seed', 'grower', '--rows', '20000001'])).toMatchObject({ code: 2, err: expect.stringContaining('--rows is at most 20000000') });
  expect(await tenantgate(['tenants', 'seed', 'grower'])).toMatchObject({ code: 2, err: expect.stringContaining("required option '--rows <n>'") });
  expect(await totalRows()).toBe(before);
}, PROCESS_TEST_TIMEOUT);

test('Ctrl+C during a seed rolls it back and exits 130', async () => {
  const rows = await totalRows();
  const objects = await schemaObjects(dedicated.url);
  const cli = spawnCli(['tenants', 'seed', 'grower', '--rows', '2000000'], env);
  const inserting = await eventually(async () => {
    const running = await sql(dedicated.url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'tenantgate-seed' AND state = 'active' AND query LIKE 'WITH inserted%'");
    return running.length > 0;
  }, 60_000);
  expect(inserting).toBe(true);
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(130);
  expect(cli.stderr()).toContain('interrupted: the seed was rolled back, the tenant is as it was');
  expect(await totalRows()).toBe(rows);
  expect(await schemaObjects(dedicated.url)).toEqual(objects);
}, PROCESS_TEST_TIMEOUT);
