import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { moveTenant } from '../../src/ops/move/tenant-move.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { createTestDatabase, sql, type TestDatabase } from '../support/databases.js';
import { tenantFingerprint } from '../support/tenant-fingerprint.js';

const keyRing = createKeyRing(generateEncryptionKey('move-keys'), []);
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let controlUrl: string;
let pooled: TestDatabase;
let dedicated: TestDatabase;
const tenants: Record<string, string> = {};

/** A tenant table whose rows are told apart by three columns, one of them text and one an integer. */
const TICKET_LINES = `CREATE TABLE ticket_lines (
  tenant_id UUID NOT NULL, ticket TEXT NOT NULL, line INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (tenant_id, ticket, line))`;

const deps = (onEvent?: Parameters<typeof moveTenant>[0]['onEvent']) => ({ control: controlPlane.client, keyRing, controlUrl, onEvent });
const lines = (url: string, tenantId: string) => sql<{ ticket: string; line: number; body: string }>(url, 'SELECT ticket, line, body FROM ticket_lines WHERE tenant_id = $1 ORDER BY ticket, line', [tenantId]);

beforeAll(async () => {
  const control = await createTestDatabase('move_keys_control');
  pooled = await createTestDatabase('move_keys_pooled');
  dedicated = await createTestDatabase('move_keys_dedicated');
  databases.push(control, pooled, dedicated);
  controlUrl = control.url;
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(control.url, 3);
  for (const slug of ['keyed', 'neighbour', 'keyless']) {
    const { tenant } = await provisionTenant({ control: controlPlane.client, keyRing }, { slug, name: slug, datasource: { name: 'keys-pooled', kind: 'POOLED', url: pooled.url } });
    tenants[slug] = tenant.id;
  }
  await provisionTenant({ control: controlPlane.client, keyRing }, { slug: 'placeholder', name: 'placeholder', datasource: { name: 'keys-dedicated', kind: 'DEDICATED', url: dedicated.url } });
  await controlPlane.client.tenant.delete({ where: { slug: 'placeholder' } });
  for (const url of [pooled.url, dedicated.url]) {
    await sql(url, TICKET_LINES);
  }
  // 3 tickets × 12 lines per tenant: line numbers sort differently as text, so an order by text would show.
  for (const slug of ['keyed', 'neighbour']) {
    await sql(
      pooled.url,
      `INSERT INTO ticket_lines (tenant_id, ticket, line, body)
       SELECT $1, 'T-' || t, l, $2 || ' ticket ' || t || ' line ' || l FROM generate_series(1, 3) t, generate_series(1, 12) l`,
      [tenants[slug], slug],
    );
  }
}, 60_000);

afterAll(async () => {
  await controlPlane?.close();
  await Promise.all(databases.map((db) => db.drop()));
});

test('a table with a composite primary key is copied in batches, caught up after changes during the copy, and verified', async () => {
  const neighbourBefore = await tenantFingerprint(pooled.url, tenants.neighbour as string);
  let changed = false;
  const result = await moveTenant(
    deps(async (event) => {
      if (event.kind === 'batch' && event.table === 'ticket_lines' && !changed) {
        changed = true;
        // Writes during the copy, on both sides of the copied position: an update, a deletion and a new row.
        await sql(pooled.url, "UPDATE ticket_lines SET body = 'edited' WHERE tenant_id = $1 AND ticket = 'T-1' AND line = 2", [tenants.keyed]);
        await sql(pooled.url, "DELETE FROM ticket_lines WHERE tenant_id = $1 AND ticket = 'T-3' AND line = 12", [tenants.keyed]);
        await sql(pooled.url, "INSERT INTO ticket_lines (tenant_id, ticket, line, body) VALUES ($1, 'T-1', 13, 'added')", [tenants.keyed]);
      }
    }),
    { tenant: 'keyed', to: { kind: 'datasource', datasource: 'keys-dedicated' }, batchSize: 7, settleMs: 0 },
  );
  expect(changed).toBe(true);
  expect(result.tables.find((table) => table.table === 'ticket_lines')).toMatchObject({ sourceRows: 36, targetRows: 36, equal: true });
  expect(result.tables.every((table) => table.equal)).toBe(true);
  const copied = await lines(dedicated.url, tenants.keyed as string);
  expect(copied).toEqual(await lines(pooled.url, tenants.keyed as string));
  expect(copied).toContainEqual({ ticket: 'T-1', line: 2, body: 'edited' });
  expect(copied).toContainEqual({ ticket: 'T-1', line: 13, body: 'added' });
  expect(copied.some((row) => row.ticket === 'T-3' && row.line === 12)).toBe(false);
  expect(await tenantFingerprint(dedicated.url, tenants.keyed as string)).toEqual(await tenantFingerprint(pooled.url, tenants.keyed as string));
  expect(await lines(dedicated.url, tenants.neighbour as string)).toEqual([]);
  expect(await tenantFingerprint(pooled.url, tenants.neighbour as string)).toEqual(neighbourBefore);
  const tenant = await controlPlane.client.tenant.findUniqueOrThrow({ where: { id: tenants.keyed }, include: { datasource: true } });
  expect(tenant.datasource.name).toBe('keys-dedicated');
});

test('a tenant table without a primary key is refused with a message naming it, before anything is copied', async () => {
  for (const url of [pooled.url, dedicated.url]) {
    await sql(url, 'CREATE TABLE audit_scraps (tenant_id UUID NOT NULL, body TEXT)');
  }
  await expect(moveTenant(deps(), { tenant: 'keyless', to: { kind: 'datasource', datasource: 'keys-dedicated' }, settleMs: 0 })).rejects.toThrow(
    'table "audit_scraps" has no primary key; a move matches rows between databases by it, so give the table one (several columns are fine)',
  );
  expect(await sql(dedicated.url, 'SELECT 1 FROM accounts WHERE tenant_id = $1', [tenants.keyless])).toEqual([]);
  const tenant = await controlPlane.client.tenant.findUniqueOrThrow({ where: { id: tenants.keyless }, include: { datasource: true } });
  expect(tenant).toMatchObject({ status: 'ACTIVE', datasource: { name: 'keys-pooled' } });
});
