import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../src/generated/tenant/client.js';
import {
  buildDemoRows,
  DEFAULT_DEMO_ANCHOR,
  SEED_TABLES,
  seedTenantDemoData,
  type SeedSummary,
} from '../../src/devdb/demo-seed/index.js';
import { tenantMigrationsDir } from '../../src/paths.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** Child table, its tenant-scoped foreign key column, and the parent table it points at. */
const FOREIGN_KEYS: readonly (readonly [string, string, string])[] = [
  ['account_contacts', 'account_id', 'accounts'], ['account_contacts', 'contact_id', 'contacts'],
  ['leads', 'converted_account_id', 'accounts'], ['opportunities', 'account_id', 'accounts'],
  ['opportunities', 'lead_id', 'leads'], ['events', 'account_id', 'accounts'],
  ['events', 'opportunity_id', 'opportunities'], ['events', 'location_id', 'locations'],
  ['event_dates', 'event_id', 'events'], ['event_dates', 'location_id', 'locations'],
  ['quotes', 'account_id', 'accounts'], ['quotes', 'opportunity_id', 'opportunities'], ['quotes', 'event_id', 'events'],
  ['contracts', 'account_id', 'accounts'], ['contracts', 'quote_id', 'quotes'],
  ['invoices', 'account_id', 'accounts'], ['invoices', 'contract_id', 'contracts'],
  ['payments', 'invoice_id', 'invoices'],
  ['tasks', 'account_id', 'accounts'], ['tasks', 'contact_id', 'contacts'], ['tasks', 'event_id', 'events'],
  ['notes', 'lead_id', 'leads'], ['notes', 'opportunity_id', 'opportunities'], ['notes', 'contact_id', 'contacts'],
  ['communications', 'contact_id', 'contacts'], ['communications', 'lead_id', 'leads'],
];

/** Applies the committed tenant migrations in name order, as `prisma migrate deploy` would. */
async function applyTenantMigrations(sql: pg.Client): Promise<void> {
  const names = readdirSync(tenantMigrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    await sql.query(readFileSync(join(tenantMigrationsDir, name, 'migration.sql'), 'utf8'));
  }
}

describe('seedTenantDemoData', () => {
  let database: TestDatabase;
  let sql: pg.Client;
  let db: PrismaClient;
  const people = [randomUUID(), randomUUID(), randomUUID()];
  const initech = { id: randomUUID(), slug: 'initech', name: 'Initech' };
  const umbrella = { id: randomUUID(), slug: 'umbrella', name: 'Umbrella Hospitality' };
  const summaries = new Map<string, SeedSummary>();

  const rowsOf = async (query: string, params: unknown[] = []) => (await sql.query(query, params)).rows;
  const countOf = async (table: string, tenantId: string) =>
    Number((await rowsOf(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('demo_seed');
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    await applyTenantMigrations(sql);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
    await db.$queryRaw`SELECT 1`; // connect first, so the timings below are the seed's own
    for (const tenant of [initech, umbrella]) {
      const started = performance.now();
      summaries.set(tenant.id, await seedTenantDemoData(db, tenant, people));
      console.info(`seeded ${tenant.slug} in ${(performance.now() - started).toFixed(0)} ms`, summaries.get(tenant.id));
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await sql?.end();
    await database?.drop();
  });

  it('puts at least 10 rows per tenant in every table, and reports what it inserted', async () => {
    for (const tenant of [initech, umbrella]) {
      for (const table of SEED_TABLES) {
        const count = await countOf(table, tenant.id);
        expect({ table, count }).toEqual({ table, count: summaries.get(tenant.id)?.[table] });
        expect({ table, atLeast10: count >= 10 }).toEqual({ table, atLeast10: true });
      }
    }
  });

  it('never links a row to another tenant\'s row', async () => {
    for (const [child, column, parent] of FOREIGN_KEYS) {
      const [row] = await rowsOf(
        `SELECT count(*) FILTER (WHERE p.tenant_id <> c.tenant_id) AS crossed, count(*) AS linked
         FROM ${child} c JOIN ${parent} p ON p.id = c.${column}`,
      );
      expect({ child, column, crossed: Number(row.crossed) }).toEqual({ child, column, crossed: 0 });
      expect(Number(row.linked)).toBeGreaterThan(0);
    }
    const [orphans] = await rowsOf(`SELECT count(*) AS n FROM attachments a WHERE NOT EXISTS (
      SELECT 1 FROM accounts x WHERE x.id = a.subject_id AND x.tenant_id = a.tenant_id UNION ALL
      SELECT 1 FROM events x WHERE x.id = a.subject_id AND x.tenant_id = a.tenant_id UNION ALL
      SELECT 1 FROM quotes x WHERE x.id = a.subject_id AND x.tenant_id = a.tenant_id UNION ALL
      SELECT 1 FROM contracts x WHERE x.id = a.subject_id AND x.tenant_id = a.tenant_id)`);
    expect(Number(orphans.n)).toBe(0);
  });

  it('gives each tenant its own, distinct account names', async () => {
    const names = async (tenantId: string) =>
      (await rowsOf('SELECT name FROM accounts WHERE tenant_id = $1', [tenantId])).map((row) => String(row.name));
    const [ours, theirs] = [await names(initech.id), await names(umbrella.id)];
    expect(new Set(ours).size).toBe(ours.length);
    expect(new Set(theirs).size).toBe(theirs.length);
    expect(ours.filter((name) => theirs.includes(name))).toEqual([]);
  });

  it('keeps the sales pipeline consistent', async () => {
    const check = async (query: string) => Number((await rowsOf(query))[0].n);
    // Exactly one primary contact per account.
    expect(await check(`SELECT count(*) AS n FROM accounts a WHERE (SELECT count(*) FROM account_contacts l
      WHERE l.account_id = a.id AND l.is_primary) <> 1`)).toBe(0);
    // Contracts are worth their quote's total, in its currency.
    expect(await check(`SELECT count(*) AS n FROM contracts c JOIN quotes q ON q.id = c.quote_id
      WHERE c.value <> q.total OR c.currency <> q.currency OR q.total <> q.subtotal + q.tax`)).toBe(0);
    // Invoices of a signed contract add up to its value.
    expect(await check(`SELECT count(*) AS n FROM contracts c WHERE c.status <> 'DRAFT' AND c.value <>
      (SELECT coalesce(sum(i.amount), 0) FROM invoices i
       WHERE i.contract_id = c.id AND i.currency = c.currency)`)).toBe(0);
    // Paid invoices are paid exactly; partially paid ones are not.
    expect(await check(`SELECT count(*) AS n FROM invoices i WHERE i.status IN ('PAID', 'PARTIALLY_PAID') AND
      ((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id) = i.amount) <> (i.status = 'PAID')`)).toBe(0);
    // The paid amount recordPayment keeps is the sum of the payments; only issued invoices carry an INV- number.
    expect(await check(`SELECT count(*) AS n FROM invoices i WHERE i.paid_amount <>
      (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.invoice_id = i.id)`)).toBe(0);
    expect(await check(`SELECT count(*) AS n FROM invoices i WHERE (i.status = 'DRAFT') <> (i.number LIKE 'DRAFT-%')`)).toBe(0);
    expect(await check(`SELECT count(*) AS n FROM events e WHERE (SELECT count(*) FROM event_dates d
      WHERE d.event_id = e.id) NOT BETWEEN 1 AND 3`)).toBe(0);
    const statuses = await rowsOf('SELECT DISTINCT status FROM leads WHERE tenant_id = $1', [initech.id]);
    expect(statuses).toHaveLength(5);
    const stages = await rowsOf('SELECT DISTINCT stage FROM opportunities WHERE tenant_id = $1', [initech.id]);
    expect(stages).toHaveLength(6);
  });

  it('does nothing when the tenant already has data', async () => {
    const before = await countOf('payments', initech.id);
    const again = await seedTenantDemoData(db, initech, people);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
    expect(await countOf('payments', initech.id)).toBe(before);
  });

  it('seeds a tenant only once when two seeds race', async () => {
    const tenant = { id: randomUUID(), slug: 'globex', name: 'Globex' };
    const results = await Promise.all([seedTenantDemoData(db, tenant, people), seedTenantDemoData(db, tenant, people)]);
    expect(results.map((summary) => summary.accounts > 0).sort()).toEqual([false, true]);
  });

  it('leaves nothing behind when an insert fails', async () => {
    const tenant = { id: randomUUID(), slug: 'acme', name: 'Acme' };
    await sql.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await sql.query(`CREATE TRIGGER refuse_payments BEFORE INSERT ON payments FOR EACH ROW
      WHEN (NEW.tenant_id = '${tenant.id}') EXECUTE FUNCTION refuse()`);
    try {
      await expect(seedTenantDemoData(db, tenant, people)).rejects.toThrow();
      for (const table of SEED_TABLES) {
        expect({ table, count: await countOf(table, tenant.id) }).toEqual({ table, count: 0 });
      }
    } finally {
      await sql.query('DROP TRIGGER refuse_payments ON payments; DROP FUNCTION refuse()');
    }
  });

  it('is reproducible per tenant and different across tenants', () => {
    const again = buildDemoRows(initech, people, DEFAULT_DEMO_ANCHOR);
    expect(again).toEqual(buildDemoRows(initech, people, DEFAULT_DEMO_ANCHOR));
    // Other people change owners, not the data itself.
    const nobody = buildDemoRows(initech, [], DEFAULT_DEMO_ANCHOR);
    const deals = (rows: typeof again) => rows.opportunities.map((deal) => [deal.name, deal.amount]);
    expect(deals(nobody)).toEqual(deals(again));
    expect(nobody.accounts.every((account) => account.ownerId === null)).toBe(true);
    const names = (slug: string) =>
      buildDemoRows({ ...initech, slug }, people, DEFAULT_DEMO_ANCHOR).accounts.map((account) => account.name);
    const all = ['acme', 'globex', 'initech', 'umbrella', 'hooli'].map(names);
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) {
        expect(a.filter((name) => b.includes(name))).toEqual([]);
      }
    }
  });
});
