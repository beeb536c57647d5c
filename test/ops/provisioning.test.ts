import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { open } from '../../src/crypto/secret-box.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { createDatabaseIfMissing } from '../../src/ops/provisioning/database-creation.js';
import { registerDatasource } from '../../src/ops/provisioning/datasource-registration.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { recordSchemaVersion } from '../../src/ops/provisioning/schema-version.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from '../support/databases.js';

const keyRing = createKeyRing(generateEncryptionKey('test'), []);
const latestTenantMigration = readdirSync(tenantMigrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const databases: TestDatabase[] = [];
const extraDatabases: string[] = [];
let controlPlane: ControlPlane;

const control = () => controlPlane.client;
const deps = () => ({ control: control(), keyRing });
const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

async function database(label: string): Promise<TestDatabase> {
  const created = await createTestDatabase(label);
  databases.push(created);
  return created;
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [table]);
    return rows[0]?.found === true;
  } finally {
    await client.end();
  }
}

/** What a promise rejected with; jest's realms make `instanceof` unreliable, so fields are read. */
async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  const controlDb = await database('prov_control');
  await applyMigrations({ databaseUrl: controlDb.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(controlDb.url, 4);
});

afterAll(async () => {
  await controlPlane?.close();
  await Promise.all(databases.map((created) => created.drop()));
  await Promise.all(extraDatabases.map((name) => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
});

describe('provisionTenant', () => {
  it('migrates a dedicated database and records the tenant at the latest schema version', async () => {
    const db = await database('prov_dedicated');
    const result = await provisionTenant(deps(), {
      slug: 'acme',
      name: 'Acme',
      datasource: { name: 'acme-db', kind: 'DEDICATED', url: db.url },
    });
    expect(result.created).toBe(true);
    expect(result.migrationsApplied.at(-1)).toBe(latestTenantMigration);
    expect(await tableExists(db.url, 'accounts')).toBe(true);
    expect(result.tenant).toMatchObject({ slug: 'acme', status: 'ACTIVE', schemaVersion: latestTenantMigration });
    expect(result.tenant.datasourceId).toBe(result.datasource.id);
    expect(result.datasource).toMatchObject({ name: 'acme-db', kind: 'DEDICATED', keyId: 'test', poolMax: 5 });
  });

  it('is a no-op when run again', async () => {
    const db = await database('prov_rerun');
    const request = { slug: 'rerun', name: 'Rerun', datasource: { name: 'rerun-db', kind: 'DEDICATED' as const, url: db.url } };
    const first = await provisionTenant(deps(), request);
    const second = await provisionTenant(deps(), request);
    expect(second).toMatchObject({ created: false, migrationsApplied: [] });
    expect(second.tenant).toEqual(first.tenant);
    expect(second.datasource).toEqual(first.datasource);
    const byId = await provisionTenant(deps(), { ...request, datasource: { id: first.datasource.id } });
    expect(byId).toMatchObject({ created: false, migrationsApplied: [] });
  });

  it('puts two tenants on one pooled datasource', async () => {
    const db = await database('prov_pooled');
    const datasource = { name: 'pool-1', kind: 'POOLED' as const, url: db.url, poolMax: 8 };
    const first = await provisionTenant(deps(), { slug: 'small-one', name: 'Small One', datasource });
    const second = await provisionTenant(deps(), { slug: 'small-two', name: 'Small Two', datasource });
    expect(second.created).toBe(true);
    expect(second.migrationsApplied).toEqual([]);
    expect(second.datasource.id).toBe(first.datasource.id);
    expect(await control().datasource.count({ where: { name: 'pool-1' } })).toBe(1);
    expect(await control().tenant.count({ where: { datasourceId: first.datasource.id } })).toBe(2);
  });

  it('registers one datasource when tenants are provisioned onto it concurrently', async () => {
    const db = await database('prov_race');
    const datasource = { name: 'race-pool', kind: 'POOLED' as const, url: db.url };
    const results = await Promise.all(
      ['race-a', 'race-b', 'race-c'].map((slug) => provisionTenant(deps(), { slug, name: slug, datasource })),
    );
    expect(new Set(results.map((result) => result.datasource.id)).size).toBe(1);
    expect(results.every((result) => result.created)).toBe(true);
    expect(await control().datasource.count({ where: { name: 'race-pool' } })).toBe(1);
  });

  it('stores the URL sealed and bound to the datasource id', async () => {
    const db = await database('prov_sealed');
    const { datasource } = await provisionTenant(deps(), {
      slug: 'sealed',
      name: 'Sealed',
      datasource: { name: 'sealed-db', kind: 'DEDICATED', url: db.url },
    });
    const other = await control().datasource.findUniqueOrThrow({ where: { name: 'acme-db' } });
    const stored = await control().datasource.findUniqueOrThrow({ where: { id: datasource.id } });
    const { hostname, password } = new URL(db.url);
    for (const secret of [db.url, hostname, password, db.name]) {
      expect(stored.encryptedUrl).not.toContain(secret);
    }
    expect(open(keyRing, stored.encryptedUrl, stored.id)).toBe(db.url);
    expect(() => open(keyRing, stored.encryptedUrl, other.id)).toThrow(/authentication failed/);
  });

  it('rejects a bad slug or name as BAD_USER_INPUT before touching any database', async () => {
    const datasource = { name: 'never', kind: 'POOLED' as const, url: databaseUrl(unique('tg_never')) };
    for (const slug of ['A', 'Bad Slug', '9lives', 'x', 'a'.repeat(41)]) {
      expect(await rejection(provisionTenant(deps(), { slug, name: 'Fine', datasource }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(await rejection(provisionTenant(deps(), { slug: 'fine', name: ' ', datasource }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await control().datasource.count({ where: { name: 'never' } })).toBe(0);
  });

  it('fails with TENANT_UNAVAILABLE for a missing database and leaves no rows', async () => {
    const url = databaseUrl(unique('tg_missing'));
    const failure = await rejection(
      provisionTenant(deps(), { slug: 'ghost', name: 'Ghost', datasource: { name: 'ghost-db', kind: 'DEDICATED', url } }),
    );
    expect(failure.code).toBe('TENANT_UNAVAILABLE');
    expect(failure.message).toContain('does not exist');
    for (const secret of [url, new URL(url).password, 'postgresql://']) {
      expect(failure.message).not.toContain(secret);
    }
    expect(await control().tenant.count({ where: { slug: 'ghost' } })).toBe(0);
    expect(await control().datasource.count({ where: { name: 'ghost-db' } })).toBe(0);
  });

  it('refuses a slug that lives on another datasource, and a reused name with another URL', async () => {
    const [a, b] = [await database('prov_move_a'), await database('prov_move_b')];
    await provisionTenant(deps(), { slug: 'mover', name: 'Mover', datasource: { name: 'move-a', kind: 'POOLED', url: a.url } });
    const moved = provisionTenant(deps(), { slug: 'mover', name: 'Mover', datasource: { name: 'move-b', kind: 'POOLED', url: b.url } });
    expect(await rejection(moved)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('another datasource') });
    expect(await tableExists(b.url, 'accounts')).toBe(false);
    const renamed = registerDatasource(control(), keyRing, { name: 'move-a', kind: 'POOLED', url: b.url });
    const failure = await rejection(renamed);
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('different URL') });
    expect(failure.message).not.toContain(b.url);
  });

  it('refuses a second tenant on a dedicated datasource', async () => {
    const db = await database('prov_dedicated_two');
    const datasource = { name: 'solo-db', kind: 'DEDICATED' as const, url: db.url };
    await provisionTenant(deps(), { slug: 'solo', name: 'Solo', datasource });
    const second = await rejection(provisionTenant(deps(), { slug: 'intruder', name: 'Intruder', datasource }));
    expect(second).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('DEDICATED') });
    expect(await control().tenant.count({ where: { slug: 'intruder' } })).toBe(0);
  });
});

describe('createDatabaseIfMissing', () => {
  it('creates a database once, then reports it exists', async () => {
    const name = unique('tg_prov_created');
    extraDatabases.push(name);
    const adminUrl = process.env.TEST_PG_ADMIN_URL ?? '';
    expect(await createDatabaseIfMissing(adminUrl, name)).toBe(true);
    expect(await createDatabaseIfMissing(adminUrl, name)).toBe(false);
    expect(await rejection(createDatabaseIfMissing(adminUrl, 'Bad"Name'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('tolerates concurrent creators', async () => {
    const name = unique('tg_prov_race');
    extraDatabases.push(name);
    const adminUrl = process.env.TEST_PG_ADMIN_URL ?? '';
    const results = await Promise.all([1, 2, 3].map(() => createDatabaseIfMissing(adminUrl, name)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('recordSchemaVersion', () => {
  it('moves every tenant of a pooled datasource to the version', async () => {
    const db = await database('prov_version');
    const datasource = { name: 'version-pool', kind: 'POOLED' as const, url: db.url };
    const { datasource: stored } = await provisionTenant(deps(), { slug: 'ver-one', name: 'One', datasource });
    await provisionTenant(deps(), { slug: 'ver-two', name: 'Two', datasource });
    expect(await recordSchemaVersion(control(), stored.id, '20991231000000_future')).toBe(2);
    expect(await recordSchemaVersion(control(), stored.id, '20991231000000_future')).toBe(0);
    const tenants = await control().tenant.findMany({ where: { datasourceId: stored.id } });
    expect(tenants.map((tenant) => tenant.schemaVersion)).toEqual(['20991231000000_future', '20991231000000_future']);
    expect(await control().tenant.findUniqueOrThrow({ where: { slug: 'acme' } })).toMatchObject({ schemaVersion: latestTenantMigration });
  });
});

describe('upsertUser and addMember', () => {
  it('creates by lower-cased email, keeps the password hash, and upserts the role', async () => {
    const user = await upsertUser(control(), { email: ' Ada@Example.COM ', displayName: 'Ada', passwordHash: 'hash-1' });
    expect(user).toMatchObject({ email: 'ada@example.com', isPlatformAdmin: false });
    const again = await upsertUser(control(), { email: 'ada@example.com', displayName: 'Ada L.', passwordHash: 'hash-2', isPlatformAdmin: true });
    expect(again).toMatchObject({ id: user.id, displayName: 'Ada L.', passwordHash: 'hash-1', isPlatformAdmin: true });
    const tenant = await control().tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const member = await addMember(control(), { userId: user.id, tenantId: tenant.id, role: 'MEMBER' });
    const promoted = await addMember(control(), { userId: user.id, tenantId: tenant.id, role: 'OWNER' });
    expect(promoted).toMatchObject({ id: member.id, role: 'OWNER' });
    const missing = addMember(control(), { userId: user.id, tenantId: '00000000-0000-4000-8000-000000000000', role: 'VIEWER' });
    expect(await rejection(missing)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
