import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword, verifyPassword } from '../../src/auth/password-hasher.js';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { countTenantRows } from '../../src/ops/tenant-data/tenant-rows.js';
import { CREATION_STEPS, createTenant, type CreateTenantRequest, type CreationStep } from '../../src/ops/tenants/tenant-creation.js';
import { deleteTenant } from '../../src/ops/tenants/tenant-deletion.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases.js';

const keyRing = createKeyRing(generateEncryptionKey('test'), []);
const databases: TestDatabase[] = [];
const extraDatabases: string[] = [];
let controlPlane: ControlPlane;
let pooled: TestDatabase;
let pooledDatasourceId: string;
let brokenMigrations: string;

const serverUrl = () => process.env.TEST_PG_ADMIN_URL ?? '';
const control = () => controlPlane.client;
const cheapHash = (password: string) => hashPassword(password, { logN: 10, r: 8, p: 1 });
const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;
const dbName = (slug: string) => `tg_${slug.replace(/-/g, '_')}`;

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Every control-plane row count and every pooled business row, to compare before and after. */
async function snapshot() {
  const client = new pg.Client({ connectionString: pooled.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM events) AS n');
    return {
      tenants: await control().tenant.count(),
      datasources: await control().datasource.count(),
      users: await control().user.count(),
      memberships: await control().membership.count(),
      pooledRows: Number(rows[0]?.n),
    };
  } finally {
    await client.end();
  }
}

function failingAt(step: CreationStep) {
  return (current: CreationStep) => {
    if (current === step) {
      throw new Error(`injected failure at ${step}`);
    }
  };
}

beforeAll(async () => {
  const controlDb = await createTestDatabase('create_control');
  pooled = await createTestDatabase('create_pooled');
  databases.push(controlDb, pooled);
  await applyMigrations({ databaseUrl: controlDb.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(controlDb.url, 4);
  const resident = await provisionTenant({ control: control(), keyRing }, {
    slug: 'resident',
    name: 'Resident',
    datasource: { name: 'pool-a', kind: 'POOLED', url: pooled.url },
  });
  pooledDatasourceId = resident.datasource.id;
  brokenMigrations = mkdtempSync(join(tmpdir(), 'tg-broken-migrations-'));
  cpSync(tenantMigrationsDir, brokenMigrations, { recursive: true });
  mkdirSync(join(brokenMigrations, '29991231000000_broken'));
  writeFileSync(join(brokenMigrations, '29991231000000_broken', 'migration.sql'), 'CREATE TABLE broken_one (id int);\nSELECT 1 / 0;\n');
});

afterAll(async () => {
  await controlPlane?.close();
  rmSync(brokenMigrations, { recursive: true, force: true });
  await Promise.all(databases.map((db) => db.drop()));
  await Promise.all(extraDatabases.map((name) => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
});

describe('createTenant', () => {
  it('creates a dedicated database, migrates, seeds, and registers the tenant with its owner', async () => {
    const slug = unique('fresh');
    extraDatabases.push(dbName(slug));
    const steps: CreationStep[] = [];
    const result = await createTenant(
      { control: control(), keyRing, hashPassword: cheapHash, onStep: (step) => void steps.push(step) },
      { slug, name: 'Fresh', ownerEmail: `owner@${slug}.test`, seed: true, placement: { kind: 'new-database', serverUrl: serverUrl(), database: dbName(slug) } },
    );
    expect(steps).toEqual([...CREATION_STEPS]);
    expect(result.createdDatabase).toBe(dbName(slug));
    expect(result.datasource).toMatchObject({ kind: 'DEDICATED', name: `${slug}-dedicated` });
    expect(result.seededRows).toBeGreaterThan(50);
    expect(result.ownerInitialPassword).toEqual(expect.any(String));
    const owner = await control().user.findUniqueOrThrow({ where: { email: `owner@${slug}.test` }, include: { memberships: true } });
    expect(owner.memberships).toEqual([expect.objectContaining({ tenantId: result.tenant.id, role: 'OWNER' })]);
    expect(await verifyPassword(result.ownerInitialPassword ?? '', owner.passwordHash)).toBe(true);
    expect(result.tenant.schemaVersion).toBe(result.migrationsApplied.at(-1));
  });

  it('places a tenant on an existing pooled datasource and makes an existing user its owner', async () => {
    const slug = unique('pooled');
    const existing = await control().user.create({ data: { email: `known@${slug}.test`, displayName: 'Known', passwordHash: await cheapHash('x') } });
    const result = await createTenant(
      { control: control(), keyRing, hashPassword: cheapHash },
      { slug, name: 'Pooled', ownerEmail: existing.email, seed: true, placement: { kind: 'datasource', datasource: { id: pooledDatasourceId } } },
    );
    expect(result).toMatchObject({ createdDatabase: null, ownerUserId: existing.id, ownerInitialPassword: null, migrationsApplied: [] });
    expect(result.datasource.id).toBe(pooledDatasourceId);
    expect(Object.keys(await countTenantRows(pooled.url, result.tenant.id)).length).toBeGreaterThan(10);
  });

  it('refuses a taken slug and an existing database before making anything', async () => {
    const before = await snapshot();
    const taken = createTenant({ control: control(), keyRing }, {
      slug: 'resident', name: 'Again', ownerEmail: 'x@y.test', placement: { kind: 'datasource', datasource: { id: pooledDatasourceId } },
    });
    await expect(taken).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('already exists') });
    const onExisting = createTenant({ control: control(), keyRing }, {
      slug: unique('clash'), name: 'Clash', ownerEmail: 'x@y.test', placement: { kind: 'new-database', serverUrl: serverUrl(), database: pooled.name },
    });
    await expect(onExisting).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('already exists') });
    expect(await databaseExists(pooled.name)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  describe.each(CREATION_STEPS.map((step) => [step]))('failing at %s leaves nothing behind', (step) => {
    it('on a new dedicated database', async () => {
      const slug = unique(`fail-${step}`);
      extraDatabases.push(dbName(slug));
      const before = await snapshot();
      const request: CreateTenantRequest = {
        slug, name: 'Doomed', ownerEmail: `owner@${slug}.test`, seed: true,
        placement: { kind: 'new-database', serverUrl: serverUrl(), database: dbName(slug) },
      };
      await expect(createTenant({ control: control(), keyRing, hashPassword: cheapHash, onStep: failingAt(step) }, request)).rejects.toThrow(`injected failure at ${step}`);
      expect(await databaseExists(dbName(slug))).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it('on a pooled datasource', async () => {
      const slug = unique(`fail-${step}`);
      const before = await snapshot();
      const request: CreateTenantRequest = {
        slug, name: 'Doomed', ownerEmail: `owner@${slug}.test`, seed: true, placement: { kind: 'datasource', datasource: { id: pooledDatasourceId } },
      };
      await expect(createTenant({ control: control(), keyRing, hashPassword: cheapHash, onStep: failingAt(step) }, request)).rejects.toThrow(`injected failure at ${step}`);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('drops the new database when a migration really fails, and names the datasource without its URL', async () => {
    const slug = unique('badmig');
    extraDatabases.push(dbName(slug));
    const before = await snapshot();
    const failure = createTenant({ control: control(), keyRing, hashPassword: cheapHash, migrationsDir: brokenMigrations }, {
      slug, name: 'Bad migration', ownerEmail: `owner@${slug}.test`, placement: { kind: 'new-database', serverUrl: serverUrl(), database: dbName(slug) },
    });
    await expect(failure).rejects.toMatchObject({ code: 'TENANT_UNAVAILABLE', message: expect.stringContaining(`${slug}-dedicated`) });
    await failure.catch((error: Error) => expect(error.message).not.toContain('tenantgate:tenantgate'));
    expect(await databaseExists(dbName(slug))).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('fails cleanly when the server is unreachable', async () => {
    const before = await snapshot();
    const failure = createTenant({ control: control(), keyRing }, {
      slug: unique('nowhere'), name: 'Nowhere', ownerEmail: 'x@y.test', placement: { kind: 'new-database', serverUrl: 'postgresql://u:secretpw@127.0.0.1:1/postgres' },
    });
    await expect(failure).rejects.toMatchObject({ code: 'TENANT_UNAVAILABLE', message: expect.not.stringContaining('secretpw') });
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleteTenant', () => {
  it('drops a dedicated database and removes the tenant, its memberships and its datasource', async () => {
    const slug = unique('gone');
    extraDatabases.push(dbName(slug));
    const created = await createTenant({ control: control(), keyRing, hashPassword: cheapHash }, {
      slug, name: 'Gone', ownerEmail: `owner@${slug}.test`, placement: { kind: 'new-database', serverUrl: serverUrl(), database: dbName(slug) },
    });
    const result = await deleteTenant({ control: control(), keyRing }, slug, 'drop-database');
    expect(result).toMatchObject({ droppedDatabase: dbName(slug), datasourceRemoved: true });
    expect(await databaseExists(dbName(slug))).toBe(false);
    expect(await control().tenant.count({ where: { id: created.tenant.id } })).toBe(0);
    expect(await control().membership.count({ where: { tenantId: created.tenant.id } })).toBe(0);
    expect(await control().datasource.count({ where: { id: created.datasource.id } })).toBe(0);
  });

  it("purges one pooled tenant's rows and leaves its neighbour's", async () => {
    const [a, b] = [unique('purge-a'), unique('purge-b')];
    const placement = { kind: 'datasource' as const, datasource: { id: pooledDatasourceId } };
    const deps = { control: control(), keyRing, hashPassword: cheapHash };
    const first = await createTenant(deps, { slug: a, name: 'A', ownerEmail: `o@${a}.test`, seed: true, placement });
    const second = await createTenant(deps, { slug: b, name: 'B', ownerEmail: `o@${b}.test`, seed: true, placement });
    const neighbour = await countTenantRows(pooled.url, second.tenant.id);
    await expect(deleteTenant({ control: control(), keyRing }, a, 'drop-database')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const result = await deleteTenant({ control: control(), keyRing }, a, 'purge-rows');
    expect(Object.values(result.purged).reduce((sum, n) => sum + n, 0)).toBe(first.seededRows);
    expect(result.datasourceRemoved).toBe(false);
    expect(await countTenantRows(pooled.url, first.tenant.id)).toEqual({});
    expect(await countTenantRows(pooled.url, second.tenant.id)).toEqual(neighbour);
    expect(await control().datasource.count({ where: { id: pooledDatasourceId } })).toBe(1);
  });
});
