import { randomUUID } from 'node:crypto';
import { type PrismaClient } from '../../src/generated/tenant/client.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { tenantMigrationsDir } from '../../src/paths.js';
import { connectDatasource, type StandaloneTenantClient } from '../../src/tenancy/tenant-client-factory.js';
import { scopeToTenant, type TenantDb } from '../../src/tenancy/tenant-scope.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** The rows one tenant starts every test with; ids are fresh per test. */
interface Seed {
  tenantId: string;
  accounts: [string, string];
  contact: string;
  email: string;
  link: string;
}

const TENANT_TABLES = [
  'accounts', 'contacts', 'account_contacts', 'leads', 'opportunities', 'locations', 'events', 'event_dates',
  'quotes', 'contracts', 'invoices', 'payments', 'tasks', 'notes', 'attachments', 'communications',
];

const tenantA = randomUUID();
const tenantB = randomUUID();

let database: TestDatabase;
let client: StandaloneTenantClient;
/** The unscoped client: the test's own view of every row, whoever owns it. */
let raw: PrismaClient;
let dbA: TenantDb;
let dbB: TenantDb;
let a: Seed;
let b: Seed;

async function seed(tenantId: string, label: string, employees: [number, number]): Promise<Seed> {
  const email = `${label}@example.test`;
  const first = await raw.account.create({ data: { tenantId, name: `${label} One`, employeeCount: employees[0] } });
  const second = await raw.account.create({ data: { tenantId, name: `${label} Two`, employeeCount: employees[1] } });
  const contact = await raw.contact.create({ data: { tenantId, firstName: label, lastName: 'Seed', email } });
  const link = await raw.accountContact.create({ data: { tenantId, accountId: first.id, contactId: contact.id, role: `${label}-role` } });
  return { tenantId, accounts: [first.id, second.id], contact: contact.id, email, link: link.id };
}

/** Every row of a tenant in the three tables under test, as the unscoped client sees them. */
async function snapshot(tenantId: string) {
  const where = { tenantId };
  const orderBy = { id: 'asc' } as const;
  return {
    accounts: await raw.account.findMany({ where, orderBy }),
    contacts: await raw.contact.findMany({ where, orderBy }),
    links: await raw.accountContact.findMany({ where, orderBy }),
  };
}

/** Prisma errors are matched by code: across jest's VM contexts `instanceof` is not reliable. */
async function expectPrismaCode(operation: Promise<unknown>, code: string): Promise<void> {
  await expect(operation).rejects.toMatchObject({ code });
}

beforeAll(async () => {
  database = await createTestDatabase('tenant_scope');
  await applyMigrations({ databaseUrl: database.url, migrationsDir: tenantMigrationsDir });
  client = await connectDatasource({ url: database.url, poolMax: 4, connectTimeoutMs: 5_000, applicationName: 'test' });
  raw = client.prisma;
  dbA = scopeToTenant(raw, tenantA);
  dbB = scopeToTenant(raw, tenantB);
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

let bBefore: Awaited<ReturnType<typeof snapshot>>;

beforeEach(async () => {
  await raw.$executeRawUnsafe(`TRUNCATE ${TENANT_TABLES.join(', ')} CASCADE`);
  a = await seed(tenantA, 'alpha', [10, 20]);
  b = await seed(tenantB, 'beta', [100, 200]);
  // A third B account makes every A/B count differ.
  await raw.account.create({ data: { tenantId: tenantB, name: 'beta Three', employeeCount: 300 } });
  bBefore = await snapshot(tenantB);
});

/** B's rows are exactly as seeded, seen unscoped and through B's own scoped client. */
async function expectBIntact(): Promise<void> {
  expect(await snapshot(tenantB)).toEqual(bBefore);
  expect(await dbB.account.findMany({ orderBy: { id: 'asc' } })).toEqual(bBefore.accounts);
}

/**
 * A link row of B's pointing at A's first account, as a shared table of a legacy pooled database can
 * hold (triggers refuse it, so it is planted with them off). B's snapshot is retaken.
 */
async function plantBLinkOnAccountOfA(): Promise<string> {
  // Corrupt data the same-tenant triggers refuse: planted with triggers off, as a restore or a
  // legacy database might hold it.
  const planted = await raw.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    return tx.accountContact.create({ data: { tenantId: tenantB, accountId: a.accounts[0], contactId: b.contact, role: 'beta-role' } });
  });
  bBefore = await snapshot(tenantB);
  return planted.id;
}

describe('scopeToTenant reads', () => {
  it('findMany returns only the tenant rows, whatever the where says', async () => {
    const all = await dbA.account.findMany();
    expect(all.map((row) => row.id).sort()).toEqual([...a.accounts].sort());
    expect(await dbA.account.findMany({ where: { id: { in: b.accounts } } })).toEqual([]);
    expect(await dbA.account.findMany({ where: { name: { startsWith: 'beta' } } })).toEqual([]);
    const askedForB = await dbA.account.findMany({ where: { tenantId: tenantB } });
    expect(askedForB.every((row) => row.tenantId === tenantA)).toBe(true);
    expect(await dbB.account.count()).toBe(3);
  });

  it('findFirst and findUnique by the other tenant id return null', async () => {
    expect(await dbA.account.findFirst({ where: { id: b.accounts[0] } })).toBeNull();
    expect(await dbA.account.findUnique({ where: { id: b.accounts[0] } })).toBeNull();
    expect(await dbA.contact.findUnique({ where: { tenantId_email: { tenantId: tenantB, email: b.email } } })).toBeNull();
    expect(await dbA.accountContact.findUnique({ where: { id: b.link } })).toBeNull();
    await expectPrismaCode(dbA.account.findUniqueOrThrow({ where: { id: b.accounts[0] } }), 'P2025');
    await expectPrismaCode(dbA.account.findFirstOrThrow({ where: { id: b.accounts[0] } }), 'P2025');
    expect((await dbA.account.findUnique({ where: { id: a.accounts[0] } }))?.tenantId).toBe(tenantA);
    expect((await dbB.account.findUnique({ where: { id: b.accounts[0] } }))?.tenantId).toBe(tenantB);
  });

  it('count, aggregate and groupBy see only the tenant rows', async () => {
    expect(await dbA.account.count()).toBe(2);
    expect(await dbA.account.count({ where: { id: { in: b.accounts } } })).toBe(0);
    expect(await raw.account.count()).toBe(5);

    const totals = await dbA.account.aggregate({ _count: { _all: true }, _sum: { employeeCount: true }, _max: { employeeCount: true } });
    expect(totals).toEqual({ _count: { _all: 2 }, _sum: { employeeCount: 30 }, _max: { employeeCount: 20 } });

    const groups = await dbA.account.groupBy({ by: ['tenantId'], _count: { _all: true } });
    expect(groups).toEqual([{ tenantId: tenantA, _count: { _all: 2 } }]);
  });
});

describe('scopeToTenant writes aimed at the other tenant rows', () => {
  it('update by the other tenant id fails with P2025 and changes nothing', async () => {
    await expectPrismaCode(dbA.account.update({ where: { id: b.accounts[0] }, data: { name: 'hijacked' } }), 'P2025');
    await expectBIntact();
  });

  it('updateMany and deleteMany count and touch only the tenant rows', async () => {
    expect(await dbA.account.updateMany({ where: { id: { in: b.accounts } }, data: { name: 'hijacked' } })).toEqual({ count: 0 });
    expect(await dbA.account.deleteMany({ where: { id: { in: b.accounts } } })).toEqual({ count: 0 });
    await expectBIntact();

    expect(await dbA.account.updateMany({ data: { city: 'Lyon' } })).toEqual({ count: 2 });
    expect(await dbA.accountContact.deleteMany({})).toEqual({ count: 1 });
    expect(await dbA.account.deleteMany({})).toEqual({ count: 2 });
    expect(await raw.account.count({ where: { tenantId: tenantA } })).toBe(0);
    await expectBIntact();
  });

  it('delete by the other tenant id fails with P2025 and deletes nothing', async () => {
    await expectPrismaCode(dbA.accountContact.delete({ where: { id: b.link } }), 'P2025');
    await expectPrismaCode(dbA.account.delete({ where: { id: b.accounts[1] } }), 'P2025');
    await expectBIntact();
  });

  it('upsert with the other tenant id creates a row of its own tenant and leaves the other row alone', async () => {
    const created = await dbA.account.upsert({
      where: { id: b.accounts[0] },
      create: { tenantId: tenantB, name: 'from upsert' },
      update: { name: 'hijacked' },
    });
    expect(created).toMatchObject({ tenantId: tenantA, name: 'from upsert' });
    expect(created.id).not.toBe(b.accounts[0]);
    await expectBIntact();
  });

  it('upsert that also reuses the other tenant primary key does not update it', async () => {
    // Prisma may run this as INSERT … ON CONFLICT (id) DO UPDATE … WHERE tenant_id = A: the conflict
    // hits B's row and the tenant filter stops the update. Whatever Prisma returns, B keeps its row.
    await dbA.account
      .upsert({ where: { id: b.accounts[0] }, create: { id: b.accounts[0], tenantId: tenantB, name: 'from upsert' }, update: { name: 'hijacked' } })
      .catch(() => undefined);
    await expectBIntact();
    expect(await raw.account.count({ where: { tenantId: tenantA } })).toBe(2);
  });

  it('upsert through a compound unique key naming the other tenant creates under its own tenant', async () => {
    const contact = await dbA.contact.upsert({
      where: { tenantId_email: { tenantId: tenantB, email: b.email } },
      create: { tenantId: tenantB, firstName: 'Mallory', lastName: 'Upsert', email: b.email },
      update: { lastName: 'hijacked' },
    });
    expect(contact).toMatchObject({ tenantId: tenantA, email: b.email, lastName: 'Upsert' });
    await expectBIntact();
  });
});

describe('scopeToTenant tenant_id in written data', () => {
  it('create with the other tenant id in data still writes its own tenant', async () => {
    const row = await dbA.account.create({ data: { tenantId: tenantB, name: 'smuggled' } });
    expect(row.tenantId).toBe(tenantA);
    expect((await raw.account.findUnique({ where: { id: row.id } }))?.tenantId).toBe(tenantA);
    await expectBIntact();
  });

  it('update, updateMany and upsert data naming the other tenant do not move a row', async () => {
    const [first, second] = a.accounts;
    expect((await dbA.account.update({ where: { id: first }, data: { tenantId: tenantB, name: 'moved?' } })).tenantId).toBe(tenantA);
    expect(await dbA.account.updateMany({ where: { id: second }, data: { tenantId: tenantB } })).toEqual({ count: 1 });
    await dbA.account.upsert({ where: { id: second }, create: { tenantId: tenantA, name: 'unused' }, update: { tenantId: tenantB } });
    const rows = await raw.account.findMany({ where: { id: { in: a.accounts } } });
    expect(rows.map((row) => row.tenantId)).toEqual([tenantA, tenantA]);
    expect(rows.find((row) => row.id === first)?.name).toBe('moved?');
    await expectBIntact();
  });

  it('createMany and createManyAndReturn give every row its own tenant', async () => {
    const data = [{ name: 'bulk 1', tenantId: tenantB }, { name: 'bulk 2', tenantId: tenantA }, { name: 'bulk 3', tenantId: tenantB }];
    expect(await dbA.account.createMany({ data })).toEqual({ count: 3 });
    const returned = await dbA.account.createManyAndReturn({ data: [{ name: 'bulk 4', tenantId: tenantB }] });
    expect(returned.map((row) => row.tenantId)).toEqual([tenantA]);
    const bulk = await raw.account.findMany({ where: { name: { startsWith: 'bulk' } } });
    expect(bulk).toHaveLength(4);
    expect(bulk.every((row) => row.tenantId === tenantA)).toBe(true);
    await expectBIntact();
  });
});

describe('scopeToTenant relations', () => {
  it('nested creates write link rows with its own tenant id', async () => {
    const contact = await dbA.contact.create({
      data: {
        tenantId: tenantB,
        firstName: 'Nested',
        lastName: 'Create',
        accounts: {
          create: [
            { accountId: a.accounts[0], role: 'buyer', tenantId: tenantB },
            { accountId: a.accounts[1], role: 'payer', tenantId: tenantB },
          ],
        },
      },
      include: { accounts: true },
    });
    expect(contact.tenantId).toBe(tenantA);
    expect(contact.accounts.map((link) => link.tenantId)).toEqual([tenantA, tenantA]);
    const stored = await raw.accountContact.findMany({ where: { contactId: contact.id } });
    expect(stored.map((link) => [link.tenantId, link.role]).sort()).toEqual([[tenantA, 'buyer'], [tenantA, 'payer']]);

    await dbA.account.update({
      where: { id: a.accounts[1] },
      data: { contacts: { createMany: { data: [{ contactId: a.contact, tenantId: tenantB }] } } },
    });
    const bulk = await raw.accountContact.findFirst({ where: { accountId: a.accounts[1], contactId: a.contact } });
    expect(bulk?.tenantId).toBe(tenantA);
    await expectBIntact();
  });

  it('cannot connect to the other tenant rows through a relation', async () => {
    await expectPrismaCode(
      dbA.accountContact.create({ data: { tenantId: tenantA, role: 'x', account: { connect: { id: b.accounts[0] } }, contact: { connect: { id: a.contact } } } }),
      'P2025',
    );
    await expectPrismaCode(
      dbA.account.update({ where: { id: a.accounts[0] }, data: { contacts: { connect: [{ id: b.link }] } } }),
      'P2018',
    );
    expect(await raw.accountContact.count()).toBe(2);
    await expectBIntact();
  });

  it('nested updates and deletes under its own row skip the other tenant rows linked to it', async () => {
    const planted = await plantBLinkOnAccountOfA();
    const ownAccount = { id: a.accounts[0] };
    await expectPrismaCode(
      dbA.account.update({ where: ownAccount, data: { contacts: { update: [{ where: { id: planted }, data: { role: 'hijacked' } }] } } }),
      'P2025',
    );
    await expectPrismaCode(dbA.account.update({ where: ownAccount, data: { contacts: { delete: [{ id: planted }] } } }), 'P2017');
    await dbA.account.update({ where: ownAccount, data: { contacts: { updateMany: { where: {}, data: { role: 'renamed' } } } } });
    expect((await raw.accountContact.findUnique({ where: { id: a.link } }))?.role).toBe('renamed');
    await expectBIntact();

    await dbA.account.update({ where: ownAccount, data: { contacts: { deleteMany: {} } } });
    expect(await raw.accountContact.count({ where: { tenantId: tenantA } })).toBe(0);
    await expectBIntact();
  });

  it('connectOrCreate never links the other tenant row, it creates one of its own', async () => {
    const link = await dbA.accountContact.create({
      data: {
        tenantId: tenantA,
        account: { connect: { id: a.accounts[1] } },
        contact: {
          connectOrCreate: {
            where: { id: b.contact },
            create: { tenantId: tenantB, firstName: 'Fresh', lastName: 'Contact', email: b.email },
          },
        },
      },
      include: { contact: true },
    });
    expect(link.tenantId).toBe(tenantA);
    expect(link.contactId).not.toBe(b.contact);
    expect(link.contact).toMatchObject({ tenantId: tenantA, email: b.email });
    await expectBIntact();
  });

  it('include with a where lists only its own links, even when another tenant linked a row to it', async () => {
    const planted = await plantBLinkOnAccountOfA();
    const account = await dbA.account.findUnique({ where: { id: a.accounts[0] }, include: { contacts: { where: {} } } });
    expect(account?.contacts.map((link) => link.id)).toEqual([a.link]);
    const filtered = await dbA.account.findUnique({
      where: { id: a.accounts[0] },
      select: { id: true, contacts: { where: { role: 'beta-role' }, select: { id: true } } },
    });
    expect(filtered).toEqual({ id: a.accounts[0], contacts: [] });
    const nested = await dbA.contact.findMany({ include: { accounts: { where: {}, include: { account: { include: { contacts: { where: {} } } } } } } });
    const seenLinks = nested.flatMap((contact) => contact.accounts.flatMap((link) => link.account.contacts.map((other) => other.id)));
    expect(seenLinks).not.toContain(planted);
    expect(await dbB.accountContact.count()).toBe(2);
  });

  it('an interactive transaction on the scoped client stays scoped', async () => {
    const seen = await dbA.$transaction(async (tx) => {
      const rows = await tx.account.findMany();
      const other = await tx.account.findUnique({ where: { id: b.accounts[0] } });
      const renamed = await tx.account.updateMany({ data: { industry: 'events' } });
      const removed = await tx.account.deleteMany({ where: { id: b.accounts[1] } });
      const created = await tx.account.create({ data: { tenantId: tenantB, name: 'in tx' } });
      const count = await tx.account.count();
      return { ids: rows.map((row) => row.id).sort(), other, renamed, removed, created, count };
    });
    expect(seen).toMatchObject({ ids: [...a.accounts].sort(), other: null, renamed: { count: 2 }, removed: { count: 0 }, count: 3 });
    expect(seen.created.tenantId).toBe(tenantA);
    await expectBIntact();

    const [count, rows] = await dbA.$transaction([dbA.account.count(), dbA.account.findMany({ where: { id: b.accounts[0] } })]);
    expect([count, rows]).toEqual([3, []]);
  });
});

/**
 * The scoper rewrites where/data/include arguments but knows nothing of foreign keys, and foreign
 * keys are single-column; the same-tenant triggers of the tenant schema refuse a reference to
 * another tenant's row in the database itself.
 */
describe('cross-tenant references refused by the database', () => {
  it('rejects a scalar foreign key that points at the other tenant row', async () => {
    await expect(dbA.accountContact.create({ data: { tenantId: tenantA, accountId: b.accounts[0], contactId: a.contact } })).rejects.toMatchObject({
      code: 'P2003',
    });
    const links = await dbA.accountContact.findMany({ include: { account: true } });
    expect(links.map((link) => link.account.tenantId)).toEqual([tenantA]);
  });

  it('hides the other tenant link rows from an include without a where', async () => {
    await expect(
      dbB.accountContact.create({ data: { tenantId: tenantB, accountId: a.accounts[0], contactId: b.contact, role: 'planted by B' } }),
    ).rejects.toMatchObject({ code: 'P2003' });
    const account = await dbA.account.findUnique({ where: { id: a.accounts[0] }, include: { contacts: true } });
    expect(account?.contacts.map((link) => link.tenantId)).toEqual([tenantA]);
  });
});
