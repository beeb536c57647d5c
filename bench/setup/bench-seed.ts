import type pg from 'pg';

/** What a tenant's rows look like, so every response can be checked against its own tenant. */
export interface SeedShape {
  /** Prefix of every account name of this tenant (`T0007 `). */
  marker: string;
  accounts: number;
}

/** Tenants differ in size (40–52 accounts) so a response carrying another tenant's count shows. */
export function seedShapeOf(index: number): SeedShape {
  return { marker: `T${String(index).padStart(4, '0')} `, accounts: 40 + (index % 13) };
}

/**
 * Inserts a tenant's accounts with ids derived from the tenant id, so the same tenant seeded into its
 * own database and into the shared baseline database has identical rows.
 */
export async function seedBenchAccounts(client: pg.Client | pg.PoolClient, tenantId: string, shape: SeedShape): Promise<void> {
  await client.query(
    `INSERT INTO accounts (id, tenant_id, name, type, industry, website, city, country, updated_at)
     SELECT md5($1 || ':' || n)::uuid, $1::uuid, $2 || 'Account ' || lpad(n::text, 3, '0'),
            (ARRAY['PROSPECT', 'CUSTOMER', 'PARTNER', 'VENDOR'])[1 + n % 4]::"AccountType",
            (ARRAY['Events', 'Hospitality', 'Retail', 'Software', 'Education'])[1 + n % 5],
            'https://example-' || n || '.test', 'Lisbon', 'PT', now()
       FROM generate_series(1, $3::int) AS n
     ON CONFLICT (id) DO NOTHING`,
    [tenantId, shape.marker, shape.accounts],
  );
}
