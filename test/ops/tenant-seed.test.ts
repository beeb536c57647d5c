import { hashPassword } from '../../src/auth/password-hasher.js';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { bulkSeedTenant } from '../../src/ops/tenant-data/bulk-seed/bulk-seed.js';
import { SeedInterrupted, type SeedEvent } from '../../src/ops/tenant-data/bulk-seed/seed-transaction.js';
import { resolveSeedTarget } from '../../src/ops/tenant-data/bulk-seed/seed-target.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { createTenant } from '../../src/ops/tenants/tenant-creation.js';
import { setTenantStatus } from '../../src/ops/tenants/tenant-status.js';
import { issueInvoice } from '../../src/modules/workflows/invoice-issuing.js';
import { scopeToTenant } from '../../src/tenancy/tenant-scope.js';
import { connectDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { createTestDatabase, sql, type TestDatabase } from '../support/databases.js';
import { tenantFingerprint } from '../support/tenant-fingerprint.js';
import { checkTenantReferences, schemaObjects } from '../support/tenant-references.js';

const keyRing = createKeyRing(generateEncryptionKey('seed-test'), []);
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let pooled: TestDatabase;
const tenants: Record<'seeded' | 'neighbour', string> = { seeded: '', neighbour: '' };
/** Ids of the seeded tenant's rows before any seed: the demo seed's. */
let demoIds: string[] = [];

/** Rows per table of a production-sized tenant of 1,545,000 rows: the proportions every seed keeps. */
const SHAPE: Record<string, number> = {
  accounts: 100_000, contacts: 200_000, account_contacts: 220_000, leads: 100_000, opportunities: 40_000, locations: 5_000,
  events: 30_000, event_dates: 90_000, quotes: 20_000, contracts: 15_000, invoices: 105_000, payments: 100_000,
  tasks: 100_000, notes: 100_000, attachments: 20_000, communications: 300_000,
};
const SHAPE_TOTAL = Object.values(SHAPE).reduce((sum, rows) => sum + rows, 0);
const ALL_TABLES = Object.keys(SHAPE);
const DERIVED_TABLES = new Set(['account_contacts', 'event_dates', 'quotes', 'contracts', 'payments']);

/** A digest of every row of the tenant, by table and id, to show existing rows were not touched. */
async function rowDigests(tenantId: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const table of ALL_TABLES) {
    for (const row of await sql<{ id: string; digest: string }>(pooled.url, `SELECT id, md5(t::text) AS digest FROM "${table}" t WHERE tenant_id = $1`, [tenantId])) {
      digests.set(`${table}/${row.id}`, row.digest);
    }
  }
  return digests;
}

async function rowCount(table: string, tenantId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(pooled.url, `SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
  return row?.n ?? 0;
}

const seedTarget = (slug: string) => resolveSeedTarget({ control: controlPlane.client, keyRing }, slug);
/** The tenant's document counters, by name. */
async function sequences(tenantId: string): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; last_value: number }>(pooled.url, 'SELECT name, last_value FROM number_sequences WHERE tenant_id = $1', [tenantId]);
  return Object.fromEntries(rows.map((row) => [row.name, row.last_value]));
}

beforeAll(async () => {
  const control = await createTestDatabase('seed_control');
  pooled = await createTestDatabase('seed_pooled');
  databases.push(control, pooled);
  await applyMigrations({ databaseUrl: control.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(control.url, 2);
  // Registers the pooled datasource the two tenants below are created on.
  const { datasource } = await provisionTenant({ control: controlPlane.client, keyRing }, {
    slug: 'spare', name: 'Spare', datasource: { name: 'pool', kind: 'POOLED', url: pooled.url },
  });
  const cheapHash = (password: string) => hashPassword(password, { logN: 10, r: 8, p: 1 });
  // Both tenants start with the demo seed's rows and numbers, which the bulk seed must continue after and leave alone.
  for (const [key, slug] of [['seeded', 'acme'], ['neighbour', 'umbrella']] as const) {
    const created = await createTenant(
      { control: controlPlane.client, keyRing, hashPassword: cheapHash },
      { slug, name: `${slug} Events`, ownerEmail: `owner@${slug}.test`, seed: true, placement: { kind: 'datasource', datasource: { id: datasource.id } } },
    );
    tenants[key] = created.tenant.id;
  }
  demoIds = [...(await rowDigests(tenants.seeded)).keys()].map((key) => key.split('/')[1] ?? '');
});

afterAll(async () => {
  await controlPlane?.close();
  await Promise.all(databases.map((db) => db.drop()));
});

test('seeds a pooled tenant with about N consistent rows, leaving its own rows and its neighbour as they were', async () => {
  const neighbour = await tenantFingerprint(pooled.url, tenants.neighbour);
  const existing = await rowDigests(tenants.seeded);
  const target = await seedTarget('acme');
  const events: SeedEvent['kind'][] = [];
  const result = await bulkSeedTenant(target, { rows: 12_000, onEvent: (event) => void events.push(event.kind) });

  expect(result).toMatchObject({ exclusive: false, keyAccount: { name: 'acme Events Key Account' } });
  expect(result.rows).toBeGreaterThan(11_000);
  expect(result.rows).toBeLessThan(13_000);
  expect(events).toEqual([...ALL_TABLES.map(() => 'table'), 'committed', 'vacuumed']);
  for (const { table, rows } of result.tables) {
    const share = rows / ((SHAPE[table] ?? 0) * (12_000 / SHAPE_TOTAL));
    // Tables that follow from their parents' random draws (a quote per open deal, …) vary more at this small size.
    const tolerance = DERIVED_TABLES.has(table) ? 0.5 : 0.25;
    expect({ table, share: Math.abs(share - 1) < tolerance }).toEqual({ table, share: true });
    expect(await rowCount(table, tenants.seeded)).toBe(rows + [...existing.keys()].filter((key) => key.startsWith(`${table}/`)).length);
  }
  const after = await rowDigests(tenants.seeded);
  expect([...existing].filter(([key, digest]) => after.get(key) !== digest)).toEqual([]);
  expect(await tenantFingerprint(pooled.url, tenants.neighbour)).toEqual(neighbour);

  const references = await checkTenantReferences(pooled.url, tenants.seeded);
  expect(references.filter((check) => check.broken > 0)).toEqual([]);
  expect(references.filter((check) => check.set === 0)).toEqual([]);
  // Owners, assignees and authors are the tenant's members (here its owner), or nobody.
  const [strangers] = await sql<{ n: number }>(pooled.url, `SELECT (
      (SELECT count(*) FROM accounts WHERE tenant_id = $1 AND owner_id <> ALL($2::uuid[])) + (SELECT count(*) FROM tasks WHERE tenant_id = $1 AND assignee_id <> ALL($2::uuid[]))
      + (SELECT count(*) FROM notes WHERE tenant_id = $1 AND author_id <> ALL($2::uuid[])) + (SELECT count(*) FROM communications WHERE tenant_id = $1 AND user_id <> ALL($2::uuid[])))::int AS n`,
    [tenants.seeded, target.members]);
  expect(strangers?.n).toBe(0);
  // Every account with contacts has exactly one primary contact.
  const [primaries] = await sql<{ accounts: number; primaries: number }>(pooled.url,
    'SELECT count(DISTINCT account_id)::int AS accounts, count(*) FILTER (WHERE is_primary)::int AS primaries FROM account_contacts WHERE tenant_id = $1', [tenants.seeded]);
  expect(primaries?.primaries).toBe(primaries?.accounts);
});

test('the key account has its share of every relation', async () => {
  const [key] = await sql<Record<string, number>>(pooled.url, `SELECT
      (SELECT count(*) FROM communications c WHERE c.account_id = a.id)::int AS communications, (SELECT count(*) FROM invoices c WHERE c.account_id = a.id)::int AS invoices,
      (SELECT count(*) FROM account_contacts c WHERE c.account_id = a.id)::int AS contacts, (SELECT count(*) FROM events c WHERE c.account_id = a.id)::int AS events,
      (SELECT count(*) FROM opportunities c WHERE c.account_id = a.id)::int AS opportunities, (SELECT count(*) FROM tasks c WHERE c.account_id = a.id)::int AS tasks,
      (SELECT count(*) FROM notes c WHERE c.account_id = a.id)::int AS notes, (SELECT count(*) FROM payments p JOIN invoices c ON c.id = p.invoice_id WHERE c.account_id = a.id)::int AS payments
    FROM accounts a WHERE a.tenant_id = $1 AND a.name = 'acme Events Key Account'`, [tenants.seeded]);
  // "Never fewer than a few hundred" communications and invoices, even in a small seed.
  expect(key).toMatchObject({ communications: 300, events: 6, opportunities: 8, tasks: 40, notes: 40 });
  expect(key?.invoices).toBeGreaterThanOrEqual(200);
  expect(key?.contacts).toBeGreaterThanOrEqual(12);
  expect(key?.payments).toBeGreaterThan(100);
});

test('invoices add up, document numbers continue the tenant\'s series, and the API issues the next invoice after them', async () => {
  const tenantId = tenants.seeded;
  const [money] = await sql<{ unbalanced: number; disagreeing: number; undue: number }>(pooled.url, `
    SELECT count(*) FILTER (WHERE v.paid_amount <> coalesce(p.paid, 0))::int AS unbalanced,
           count(*) FILTER (WHERE v.id <> ALL($2::uuid[]) AND NOT CASE v.status WHEN 'PAID' THEN v.paid_amount = v.amount
             WHEN 'PARTIALLY_PAID' THEN v.paid_amount > 0 AND v.paid_amount < v.amount
             WHEN 'ISSUED' THEN v.paid_amount = 0 AND (v.due_on IS NULL OR v.due_on >= current_date)
             WHEN 'OVERDUE' THEN v.paid_amount = 0 AND v.due_on < current_date
             ELSE v.paid_amount = 0 END)::int AS disagreeing,
           count(*) FILTER (WHERE v.due_on IS NULL AND v.status <> 'DRAFT')::int AS undue
      FROM invoices v LEFT JOIN (SELECT invoice_id, sum(amount) AS paid FROM payments GROUP BY invoice_id) p ON p.invoice_id = v.id
     WHERE v.tenant_id = $1`, [tenantId, demoIds]);
  expect(money).toMatchObject({ unbalanced: 0, disagreeing: 0 });
  expect(money?.undue).toBeGreaterThan(0);
  // One series per document from 1 with no gap and no repeat: the demo seed's numbers, then the bulk seed's.
  for (const [table, prefix] of [['invoices', 'INV-'], ['contracts', 'C-'], ['quotes', 'Q-'], ['invoices', 'DRAFT-']]) {
    const [series] = await sql<{ numbers: number; serials: number; highest: number }>(pooled.url, `
      SELECT count(DISTINCT number)::int AS numbers, count(DISTINCT substring(number FROM '-(\\d+)$'))::int AS serials, max(substring(number FROM '-(\\d+)$')::int) AS highest
        FROM "${table}" WHERE tenant_id = $1 AND number LIKE '${prefix}%'`, [tenantId]);
    expect({ prefix, ...series }).toEqual({ prefix, numbers: series?.highest, serials: series?.highest, highest: expect.any(Number) as number });
  }
  const counters = await sequences(tenantId);
  const [issuedCount] = await sql<{ n: number }>(pooled.url, "SELECT count(*)::int AS n FROM invoices WHERE tenant_id = $1 AND number LIKE 'INV-%'", [tenantId]);
  expect(counters.invoice).toBe(issuedCount?.n);
  const [draft] = await sql<{ id: string }>(pooled.url, "SELECT id FROM invoices WHERE tenant_id = $1 AND status = 'DRAFT' AND id <> ALL($2::uuid[]) LIMIT 1", [tenantId, demoIds]);
  const client = await connectDatasource({ url: pooled.url, poolMax: 1, connectTimeoutMs: 5_000, applicationName: 'seed-test' });
  try {
    const issued = await issueInvoice(scopeToTenant(client.prisma, tenantId), draft?.id ?? '', {});
    expect(issued.number).toBe(`INV-${new Date().getUTCFullYear()}-${String((counters.invoice ?? 0) + 1).padStart(4, '0')}`);
  } finally {
    await client.close();
  }
});

test('an exclusive seed on a pooled datasource puts back every index, foreign key and trigger it set aside', async () => {
  const objects = await schemaObjects(pooled.url);
  const neighbour = await tenantFingerprint(pooled.url, tenants.neighbour);
  // A seed that doubles the tables rebuilds their indexes and foreign keys; a small one only suspends the triggers.
  for (const [rows, rebuilds] of [[20_000, true], [2_000, false]] as const) {
    const before = await rowCount('communications', tenants.seeded);
    const events: SeedEvent[] = [];
    const result = await bulkSeedTenant(await seedTarget('acme'), { rows, exclusive: true, onEvent: (event) => void events.push(event) });
    expect({ rows, exclusive: result.exclusive, rebuilt: result.rebuildSeconds !== null }).toEqual({ rows, exclusive: true, rebuilt: rebuilds });
    expect(events.slice(-3).map((event) => event.kind)).toEqual(['restored', 'committed', 'vacuumed']);
    expect(await rowCount('communications', tenants.seeded)).toBe(before + (result.tables.find((table) => table.table === 'communications')?.rows ?? 0));
    expect(await schemaObjects(pooled.url)).toEqual(objects);
  }
  expect(await tenantFingerprint(pooled.url, tenants.neighbour)).toEqual(neighbour);
  expect((await checkTenantReferences(pooled.url, tenants.seeded)).filter((check) => check.broken > 0)).toEqual([]);
});

// Shared; exclusive with the triggers suspended; exclusive with the indexes and foreign keys dropped too (it more than doubles the tables).
describe.each([[false, 3_000], [true, 3_000], [true, 80_000]])('a seed that fails midway (exclusive: %s, %i rows)', (exclusive, rows) => {
  it('leaves the tenant, its counters and the schema as they were', async () => {
    const tenant = await tenantFingerprint(pooled.url, tenants.seeded);
    const counters = await sequences(tenants.seeded);
    const objects = await schemaObjects(pooled.url);
    const failAfterInvoices = (event: SeedEvent) => {
      if (event.kind === 'table' && event.table === 'invoices') {
        throw new Error('injected failure after invoices');
      }
    };
    await expect(bulkSeedTenant(await seedTarget('acme'), { rows, exclusive, onEvent: failAfterInvoices })).rejects.toThrow('injected failure after invoices');
    expect(await tenantFingerprint(pooled.url, tenants.seeded)).toEqual(tenant);
    expect(await sequences(tenants.seeded)).toEqual(counters);
    expect(await schemaObjects(pooled.url)).toEqual(objects);
  });
});

test('an interrupted seed rolls back and says so', async () => {
  const tenant = await tenantFingerprint(pooled.url, tenants.seeded);
  const controller = new AbortController();
  const interruptAfterContacts = (event: SeedEvent) => {
    if (event.kind === 'table' && event.table === 'contacts') {
      controller.abort();
    }
  };
  const seeding = bulkSeedTenant(await seedTarget('acme'), { rows: 3_000, signal: controller.signal, onEvent: interruptAfterContacts });
  await expect(seeding).rejects.toBeInstanceOf(SeedInterrupted);
  expect(await tenantFingerprint(pooled.url, tenants.seeded)).toEqual(tenant);
});

test('refuses an unknown or suspended tenant, a second seed of the same tenant, and a row count out of range', async () => {
  await expect(seedTarget('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'tenant nobody was not found' });
  const target = await seedTarget('acme');
  await expect(bulkSeedTenant(target, { rows: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('rows must be') });
  await expect(bulkSeedTenant(target, { rows: 20_000_001 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  // The lock a running seed holds, taken here by another session.
  const holder = await connectDatasource({ url: pooled.url, poolMax: 1, connectTimeoutMs: 5_000, applicationName: 'seed-test-lock' });
  try {
    await holder.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tenantgate-seed:${target.tenantId}`}, 0))`;
      await expect(bulkSeedTenant(target, { rows: 100 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'another seed of tenant "acme" is running; wait for it to finish' });
    });
  } finally {
    await holder.close();
  }
  await setTenantStatus(controlPlane.client, 'umbrella', 'SUSPENDED');
  await expect(seedTarget('umbrella')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('is SUSPENDED') });
});
