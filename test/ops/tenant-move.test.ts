import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { seedTenantDemoData } from '../../src/devdb/demo-seed/index.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { abortMove } from '../../src/ops/move/move-abort.js';
import { type MoveEvent } from '../../src/ops/move/move-events.js';
import { moveTenant } from '../../src/ops/move/tenant-move.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { connectDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { adminQuery, createTestDatabase, sql, type TestDatabase } from '../support/databases.js';
import { tenantFingerprint } from '../support/tenant-fingerprint.js';

const keyRing = createKeyRing(generateEncryptionKey('move-test'), []);
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let controlUrl: string;
let legacy: TestDatabase;
let dedicated: TestDatabase;
const tenants: Record<string, string> = {};
const SLUGS = ['alpha', 'bravo', 'charlie'] as const;

const deps = (extra: { onEvent?: (event: MoveEvent) => void | Promise<void> } = {}) => ({ control: controlPlane.client, keyRing, controlUrl, ...extra });

beforeAll(async () => {
  const control = await createTestDatabase('move_control');
  legacy = await createTestDatabase('move_legacy');
  dedicated = await createTestDatabase('move_dedicated');
  databases.push(control, legacy, dedicated);
  controlUrl = control.url;
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(control.url, 3);
  // A legacy shared application database: one database, every tenant's rows side by side.
  for (const slug of SLUGS) {
    const { tenant } = await provisionTenant({ control: controlPlane.client, keyRing }, { slug, name: slug, datasource: { name: 'legacy-app', kind: 'POOLED', url: legacy.url } });
    tenants[slug] = tenant.id;
  }
  const db = await connectDatasource({ url: legacy.url, poolMax: 2, connectTimeoutMs: 5_000, applicationName: 'move-test-seed' });
  try {
    for (const slug of SLUGS) {
      await seedTenantDemoData(db.prisma, { id: tenants[slug] as string, slug, name: slug }, []);
    }
  } finally {
    await db.close();
  }
  await provisionTenant({ control: controlPlane.client, keyRing }, { slug: 'placeholder', name: 'placeholder', datasource: { name: 'bravo-dedicated', kind: 'DEDICATED', url: dedicated.url } });
  await controlPlane.client.tenant.delete({ where: { slug: 'placeholder' } });
}, 60_000);
afterAll(async () => {
  await controlPlane?.close();
  await Promise.all(databases.map((db) => db.drop()));
  await adminQuery('DROP DATABASE IF EXISTS "tg_move_charlie" WITH (FORCE)');
});

test('a move out of a legacy shared database survives an injected failure mid-copy, catches up changes made meanwhile, and resumes to equal checksums', async () => {
  const before = await Promise.all(SLUGS.map((slug) => tenantFingerprint(legacy.url, tenants[slug] as string)));
  let batches = 0;
  const failing = deps({
    onEvent: async (event) => {
      if (event.kind !== 'batch') {
        return;
      }
      batches += 1;
      if (batches === 3) {
        // Writes the tenant makes during the copy: an update, a new row and a deletion.
        await sql(legacy.url, "UPDATE accounts SET name = name || ' (renamed)' WHERE tenant_id = $1 AND id = (SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id LIMIT 1)", [tenants.bravo]);
        await sql(legacy.url, "INSERT INTO accounts (id, tenant_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'Added during the move', now())", [tenants.bravo]);
        await sql(legacy.url, 'DELETE FROM notes WHERE tenant_id = $1 AND id = (SELECT id FROM notes WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1)', [tenants.bravo]);
      }
      if (batches === 5) {
        throw new Error('injected failure');
      }
    },
  });
  await expect(moveTenant(failing, { tenant: 'bravo', to: { kind: 'datasource', datasource: 'bravo-dedicated' }, batchSize: 20, settleMs: 0 })).rejects.toThrow('injected failure');
  const interrupted = await controlPlane.client.tenantMove.findFirstOrThrow({ where: { tenantId: tenants.bravo }, include: { tables: true } });
  expect(interrupted).toMatchObject({ phase: 'COPYING', lastError: 'injected failure' });
  const copiedBefore = interrupted.tables.reduce((sum, table) => sum + table.copiedRows, 0);
  expect(copiedBefore).toBeGreaterThan(0);

  const result = await moveTenant(deps(), { tenant: 'bravo', batchSize: 20, settleMs: 0 });
  expect(result).toMatchObject({ resumed: true, source: 'legacy-app', target: 'bravo-dedicated' });
  expect(result.tables.every((table) => table.equal)).toBe(true);
  expect(result.catchUp.online.upserted + result.catchUp.online.deleted).toBeGreaterThanOrEqual(2);
  // Nothing was copied twice: the bulk copy resumed after its last recorded batch.
  const source = await tenantFingerprint(legacy.url, tenants.bravo as string);
  expect(result.copiedRows).toBeLessThanOrEqual(source.rows);
  expect(await tenantFingerprint(dedicated.url, tenants.bravo as string)).toEqual(source);
  const tenant = await controlPlane.client.tenant.findUniqueOrThrow({ where: { id: tenants.bravo }, include: { datasource: true } });
  expect(tenant).toMatchObject({ status: 'ACTIVE', datasource: { name: 'bravo-dedicated' } });
  // The neighbours in the shared database are untouched.
  expect(await tenantFingerprint(legacy.url, tenants.alpha as string)).toEqual(before[0]);
  expect(await tenantFingerprint(legacy.url, tenants.charlie as string)).toEqual(before[2]);
  expect(await controlPlane.client.tenantMove.findUniqueOrThrow({ where: { id: result.moveId } })).toMatchObject({ phase: 'DONE', lastError: null });

  // The checks above can fail: one changed character in one copied row changes its table's checksum.
  await sql(dedicated.url, "UPDATE notes SET body = body || '.' WHERE tenant_id = $1 AND id = (SELECT id FROM notes WHERE tenant_id = $1 ORDER BY id LIMIT 1)", [tenants.bravo]);
  const tampered = await tenantFingerprint(dedicated.url, tenants.bravo as string);
  expect(tampered.rows).toBe(source.rows);
  expect(Object.keys(tampered.tables).filter((table) => tampered.tables[table] !== source.tables[table])).toEqual(['notes']);
});

test('a failure in the read-only window puts the tenant back to ACTIVE, and abort drops the new database and loses nothing', async () => {
  const before = await tenantFingerprint(legacy.url, tenants.charlie as string);
  const serverUrl = legacy.url.replace(/\/[^/]+$/, '/postgres');
  const to = { kind: 'new-database' as const, serverUrl, database: 'tg_move_charlie' };
  const failing = deps({
    onEvent: (event) => {
      if (event.kind === 'read-only') {
        throw new Error('injected failure while read-only');
      }
    },
  });
  await expect(moveTenant(failing, { tenant: 'charlie', to, settleMs: 0 })).rejects.toThrow('injected failure while read-only');
  const tenant = await controlPlane.client.tenant.findUniqueOrThrow({ where: { id: tenants.charlie }, include: { datasource: true } });
  expect(tenant).toMatchObject({ status: 'ACTIVE', datasource: { name: 'legacy-app' } });
  expect(await sql(serverUrl, "SELECT 1 FROM pg_database WHERE datname = 'tg_move_charlie'")).toHaveLength(1);

  await expect(moveTenant(deps(), { tenant: 'charlie', to: { kind: 'datasource', datasource: 'bravo-dedicated' }, settleMs: 0 })).rejects.toThrow(/unfinished move/);
  const aborted = await abortMove(deps(), 'charlie');
  expect(aborted).toMatchObject({ droppedDatabase: 'tg_move_charlie', datasourceRemoved: true });
  expect(await sql(serverUrl, "SELECT 1 FROM pg_database WHERE datname = 'tg_move_charlie'")).toHaveLength(0);
  expect(await controlPlane.client.datasource.count({ where: { name: 'charlie-dedicated' } })).toBe(0);
  expect(await controlPlane.client.tenantMove.findFirstOrThrow({ where: { tenantId: tenants.charlie } })).toMatchObject({ phase: 'ABORTED' });
  expect(await tenantFingerprint(legacy.url, tenants.charlie as string)).toEqual(before);
  await expect(abortMove(deps(), 'charlie')).rejects.toThrow(/no unfinished move/);
});

test('a move refuses its own datasource, a target that already holds the tenant, and a second move running at once', async () => {
  await expect(moveTenant(deps(), { tenant: 'alpha', to: { kind: 'datasource', datasource: 'legacy-app' }, settleMs: 0 })).rejects.toThrow(/already on datasource/);
  await sql(dedicated.url, "INSERT INTO accounts (id, tenant_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'Stray copy', now())", [tenants.alpha]);
  await expect(moveTenant(deps(), { tenant: 'alpha', to: { kind: 'datasource', datasource: 'bravo-dedicated' }, settleMs: 0 })).rejects.toThrow(/already holds rows of tenant "alpha"/);
  await sql(dedicated.url, 'DELETE FROM accounts WHERE tenant_id = $1', [tenants.alpha]);
  await expect(moveTenant(deps(), { tenant: 'alpha', settleMs: 0 })).rejects.toThrow(/no unfinished move/);
  let second: Promise<unknown> | undefined;
  const moved = await moveTenant(
    deps({
      onEvent: async () => {
        second ??= moveTenant(deps(), { tenant: 'alpha', settleMs: 0 }).then(
          () => 'moved twice',
          (error: unknown) => error,
        );
        await second;
      },
    }),
    { tenant: 'alpha', to: { kind: 'datasource', datasource: 'bravo-dedicated' }, settleMs: 0 },
  );
  expect(moved.tables.every((table) => table.equal)).toBe(true);
  expect(String(await second)).toMatch(/another move of tenant "alpha" is running/);
});
