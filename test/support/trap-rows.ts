import { type StandaloneTenantClient } from '../../src/tenancy/tenant-client-factory.js';

/** One database behind the gateway, with an unscoped client for planting and checking rows. */
export interface TrapDatabase {
  datasourceId: string;
  raw: StandaloneTenantClient;
}

/** A tenant's home rows; every other database holds trap copies of them. */
export interface TrappedTenant {
  tenantId: string;
  home: TrapDatabase;
  accountId: string;
  contactIds: string[];
}

/**
 * Plants a tenant's home account (named `home:<tenant id>`) and `contacts` home contacts in its
 * own database, and in every other database trap copies with the same ids and the same tenant id
 * (named `TRAP:<tenant id>`), so a statement sent to the wrong database finds a trap rather than
 * nothing: a mis-routed read answers with it and a mis-routed write lands beside it. Rows a test
 * writes through the gateway are named `created:<tenant id>:…` or `tx:<tenant id>:…`.
 */
export async function plantTrappedTenant(tenantId: string, home: TrapDatabase, databases: TrapDatabase[], contacts = 0): Promise<TrappedTenant> {
  const others = databases.filter((db) => db.raw !== home.raw);
  const account = await home.raw.prisma.account.create({ data: { tenantId, name: `home:${tenantId}`, industry: 'home' } });
  for (const other of others) {
    await other.raw.prisma.account.create({ data: { id: account.id, tenantId, name: `TRAP:${tenantId}`, industry: 'trap' } });
  }
  const contactIds: string[] = [];
  for (let i = 0; i < contacts; i += 1) {
    const contact = await home.raw.prisma.contact.create({ data: { tenantId, firstName: 'home', lastName: `home:${tenantId}` } });
    for (const other of others) {
      await other.raw.prisma.contact.create({ data: { id: contact.id, tenantId, firstName: 'trap', lastName: `TRAP:${tenantId}` } });
    }
    contactIds.push(contact.id);
  }
  return { tenantId, home, accountId: account.id, contactIds };
}

const WRITTEN = /^(?:created|tx):([0-9a-f-]{36}):/;

/**
 * Counts writes in the wrong place, across every database: written accounts outside their tenant's
 * home database or under another tenant id, contact links outside their tenant's home database,
 * and trap rows that were changed at all.
 */
export async function misplacedWrites(databases: TrapDatabase[], tenants: TrappedTenant[]): Promise<number> {
  const homeOf = (tenantId: string) => tenants.find((tenant) => tenant.tenantId === tenantId)?.home.raw;
  let misplaced = 0;
  for (const { raw } of databases) {
    const accounts = await raw.prisma.account.findMany({ select: { tenantId: true, name: true, website: true, industry: true } });
    for (const row of accounts) {
      const writer = WRITTEN.exec(row.name)?.[1];
      if ((writer && (writer !== row.tenantId || homeOf(writer) !== raw)) || (row.industry === 'trap' && row.website !== null)) {
        misplaced += 1;
      }
    }
    const links = await raw.prisma.accountContact.findMany({ select: { tenantId: true } });
    misplaced += links.filter((link) => homeOf(link.tenantId) !== raw).length;
  }
  return misplaced;
}
