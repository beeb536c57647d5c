import { type ControlClient } from '../control/control-client.js';
import { hashPassword } from '../auth/password-hasher.js';
import { type KeyRing } from '../crypto/key-ring.js';
import { type DatasourceKind, type MembershipRole } from '../generated/control/enums.js';
import { createDatabaseIfMissing } from '../ops/provisioning/database-creation.js';
import { addMember, upsertUser } from '../ops/provisioning/members.js';
import { provisionTenant } from '../ops/provisioning/tenant-provisioning.js';
import { connectDatasource } from '../tenancy/tenant-client-factory.js';
import { seedTenantDemoData } from './demo-seed/index.js';

/** Password of every demo login (printed at start; development only). */
export const DEMO_PASSWORD = 'tenantgate-demo';
export const DEMO_ADMIN_EMAIL = 'admin@tenantgate.dev';

interface DemoTenantSpec {
  slug: string;
  name: string;
  database: string;
  datasource: string;
  kind: DatasourceKind;
}

/** acme and globex get dedicated databases; initech and umbrella share one pooled database. */
export const DEMO_TENANTS: readonly DemoTenantSpec[] = [
  { slug: 'acme', name: 'Acme Event Productions', database: 'tenantgate_acme', datasource: 'acme-dedicated', kind: 'DEDICATED' },
  { slug: 'globex', name: 'Globex Conferences', database: 'tenantgate_globex', datasource: 'globex-dedicated', kind: 'DEDICATED' },
  { slug: 'initech', name: 'Initech Training', database: 'tenantgate_pooled', datasource: 'pooled-shared-1', kind: 'POOLED' },
  { slug: 'umbrella', name: 'Umbrella Hospitality', database: 'tenantgate_pooled', datasource: 'pooled-shared-1', kind: 'POOLED' },
];

const DEMO_PEOPLE: readonly { local: string; displayName: string; role: MembershipRole }[] = [
  { local: 'owner', displayName: 'Owner', role: 'OWNER' },
  { local: 'sales', displayName: 'Sales Rep', role: 'MEMBER' },
  { local: 'viewer', displayName: 'Read-only Viewer', role: 'VIEWER' },
];

/** Where the demo databases live: a server's maintenance URL and a URL for each database. */
export interface DemoServer {
  adminUrl: string;
  urlFor(database: string): string;
}

/** One line per tenant for the start-up banner. */
export interface DemoTenantSummary {
  slug: string;
  kind: DatasourceKind;
  database: string;
  seededRows: number;
}

/**
 * Creates (or finds) the demo tenants, their databases, users and data. Every step is idempotent,
 * so the second start of `npm start` reuses everything and only checks it.
 */
export async function ensureDemoFleet(control: ControlClient, keyRing: KeyRing, server: DemoServer): Promise<DemoTenantSummary[]> {
  let passwordHash: Promise<string> | undefined;
  const demoHash = () => (passwordHash ??= hashPassword(DEMO_PASSWORD));
  const ensureUser = async (email: string, displayName: string, isPlatformAdmin = false) => {
    const existing = await control.user.findUnique({ where: { email } });
    return existing ?? upsertUser(control, { email, displayName, passwordHash: await demoHash(), isPlatformAdmin });
  };

  const admin = await ensureUser(DEMO_ADMIN_EMAIL, 'Platform Admin', true);
  const summaries: DemoTenantSummary[] = [];
  for (const spec of DEMO_TENANTS) {
    await createDatabaseIfMissing(server.adminUrl, spec.database);
    const url = server.urlFor(spec.database);
    const { tenant } = await provisionTenant(
      { control, keyRing },
      { slug: spec.slug, name: spec.name, datasource: { name: spec.datasource, kind: spec.kind, url } },
    );
    const people: string[] = [];
    for (const person of DEMO_PEOPLE) {
      const user = await ensureUser(`${person.local}@${spec.slug}.dev`, `${spec.name} ${person.displayName}`);
      await addMember(control, { userId: user.id, tenantId: tenant.id, role: person.role });
      people.push(user.id);
    }
    await addMember(control, { userId: admin.id, tenantId: tenant.id, role: 'ADMIN' });
    const client = await connectDatasource({ url, poolMax: 2, connectTimeoutMs: 10_000, applicationName: 'tenantgate:demo-seed' });
    try {
      const seeded = await seedTenantDemoData(client.prisma, { id: tenant.id, slug: tenant.slug, name: tenant.name }, people);
      summaries.push({
        slug: spec.slug,
        kind: spec.kind,
        database: spec.database,
        seededRows: Object.values(seeded).reduce((sum, count) => sum + count, 0),
      });
    } finally {
      await client.close();
    }
  }
  return summaries;
}
