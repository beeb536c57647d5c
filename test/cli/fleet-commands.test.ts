import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, formatEncryptionKey, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { open } from '../../src/crypto/secret-box.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { cliRunner } from '../support/cli-runner.js';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases.js';

const oldKey = generateEncryptionKey('cli-old');
const newKey = generateEncryptionKey('cli-new');
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let env: Record<string, string>;
let dataDir: string;
const slug = `cli-${randomBytes(3).toString('hex')}`;
const database = `tg_${slug.replace(/-/g, '_')}`;

const cli = cliRunner(() => env);

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const control = await createTestDatabase('cli_control');
  const pooled = await createTestDatabase('cli_pooled');
  databases.push(control, pooled);
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(control.url, 2);
  await provisionTenant({ control: controlPlane.client, keyRing: createKeyRing(oldKey, []) }, {
    slug: 'resident', name: 'Resident', datasource: { name: 'pool-a', kind: 'POOLED', url: pooled.url },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'tg-cli-'));
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: control.url,
    TENANTGATE_DATA_DIR: dataDir,
    TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(oldKey),
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
});
afterAll(async () => {
  await controlPlane?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await Promise.all(databases.map((db) => db.drop()));
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

test('tenants create provisions a new database, and list/show report it', async () => {
  const created = await cli(['tenants', 'create', slug, '--name', 'CLI Tenant', '--owner', `owner@${slug}.test`, '--new-database', database, '--on-server-of', 'pool-a', '--seed', '--json']);
  expect(created.code).toBe(0);
  expect(created.json()).toMatchObject({ createdDatabase: database, tenant: { slug }, ownerInitialPassword: expect.any(String) });
  expect(await databaseExists(database)).toBe(true);
  const listed = await cli(['tenants', 'list', '--json']);
  expect(listed.json<{ tenants: { slug: string }[] }>().tenants.map((tenant) => tenant.slug)).toEqual(['resident', slug].sort());
  const table = await cli(['tenants', 'list', '--datasource', 'pool-a']);
  expect(table.out).toMatch(/slug[\s\S]*resident[\s\S]*POOLED/);
  expect(table.out).not.toContain(slug);
  const shown = await cli(['tenants', 'show', slug]);
  expect(shown.out).toMatch(new RegExp(`datasource\\s+${slug}-dedicated \\(DEDICATED`));
  expect(shown.out).not.toMatch(/postgres(ql)?:\/\//);
});

test('a wrong command line exits 2; a missing tenant exits 1 with a clear message', async () => {
  const both = await cli(['tenants', 'create', 'x-y', '--name', 'X', '--owner', 'a@b.test', '--datasource', 'pool-a', '--new-database']);
  expect(both).toMatchObject({ code: 2, err: expect.stringContaining('exactly one of --datasource') });
  expect(await cli(['tenants', 'show', 'nobody'])).toMatchObject({ code: 1, err: expect.stringContaining('tenant nobody was not found') });
});

test('suspend, read-only and resume change the status', async () => {
  expect((await cli(['tenants', 'suspend', slug, '--json'])).json()).toMatchObject({ previous: 'ACTIVE', tenant: { status: 'SUSPENDED' } });
  expect((await cli(['tenants', 'read-only', slug])).out).toContain('SUSPENDED → READ_ONLY');
  expect((await cli(['tenants', 'resume', slug])).out).toContain('READ_ONLY → ACTIVE');
  expect((await cli(['tenants', 'resume', slug])).out).toContain('already ACTIVE');
});

test('doctor names every step, and the failing one with a hint', async () => {
  const healthy = await cli(['doctor', slug]);
  expect(healthy.code).toBe(0);
  expect(healthy.out).toMatch(/lookup[\s\S]*decrypt[\s\S]*network[\s\S]*authentication[\s\S]*schema[\s\S]*pool[\s\S]*every step ok/);
  const wrongKey = await cli(['doctor', slug, '--json'], { env: { TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(newKey) } });
  expect(wrongKey.code).toBe(1);
  expect(wrongKey.json()).toMatchObject({ ok: false, failedStep: 'decrypt' });
});

test('datasource encrypt reads the URL from stdin and prints an envelope bound to the id', async () => {
  const url = 'postgresql://app:hunter22@db.internal:5432/tenant_z';
  const sealed = await cli(['datasource', 'encrypt', '--json'], { stdin: `${url}\n` });
  expect(sealed.code).toBe(0);
  expect(sealed.out).not.toContain('hunter22');
  const { datasourceId, envelope, keyId } = sealed.json<{ datasourceId: string; envelope: string; keyId: string }>();
  expect(keyId).toBe(oldKey.id);
  expect(open(createKeyRing(oldKey, []), envelope, datasourceId)).toBe(url);
  expect(await cli(['datasource', 'encrypt'], { stdin: '' })).toMatchObject({ code: 2, err: expect.stringContaining('nothing on stdin') });
});

test('keys rotate moves every secret to the new key; keys status says the old one may go', async () => {
  const rotateEnv = { TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(newKey), TENANTGATE_ENCRYPTION_KEYS_PREVIOUS: formatEncryptionKey(oldKey) };
  const before = await cli(['keys', 'status', '--json'], { env: rotateEnv });
  expect(before.json()).toMatchObject({ pending: 2, droppable: [] });
  const rotated = await cli(['keys', 'rotate', '--batch-size', '1', '--json'], { env: rotateEnv });
  expect(rotated.code).toBe(0);
  expect(rotated.json()).toMatchObject({ rotated: 2, total: 2, failed: [] });
  const after = await cli(['keys', 'status'], { env: rotateEnv });
  expect(after.out).toMatch(/cli-new[\s\S]*2[\s\S]*active/);
  expect(after.out).toContain(`may be dropped from TENANTGATE_ENCRYPTION_KEYS_PREVIOUS: ${oldKey.id}`);
  const orphaned = await cli(['keys', 'status'], { env: { TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(oldKey) } });
  expect(orphaned).toMatchObject({ code: 1, out: expect.stringContaining('NOT CONFIGURED') });
  env.TENANTGATE_ENCRYPTION_KEY = formatEncryptionKey(newKey);
});

test('tenants delete refuses without a terminal or --yes, then drops the database with --yes', async () => {
  const refused = await cli(['tenants', 'delete', slug, '--drop-database']);
  expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('pass --yes') });
  expect(await controlPlane.client.tenant.count({ where: { slug } })).toBe(1);
  const deleted = await cli(['tenants', 'delete', slug, '--drop-database', '--yes', '--json']);
  expect(deleted.code).toBe(0);
  expect(deleted.json()).toMatchObject({ droppedDatabase: database, datasourceRemoved: true });
  expect(await databaseExists(database)).toBe(false);
  expect(await controlPlane.client.tenant.count({ where: { slug } })).toBe(0);
});
