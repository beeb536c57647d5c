import type pg from 'pg';

/** What a tenant's rows look like, so every response can be checked against its own tenant. */
export interface SeedShape {
  /** Prefix of every account, location and event name and every event date label of this tenant (`T0007 `). */
  marker: string;
  accounts: number;
  /** Events, each with two dates, a location, an account and the bench user as owner. */
  events: number;
}

/** Locations per tenant; events cycle through them. */
const LOCATIONS = 5;

/** Tenants differ in size (40–52 accounts, 50–56 events) so a response carrying another tenant's count shows. */
export function seedShapeOf(index: number): SeedShape {
  return { marker: `T${String(index).padStart(4, '0')} `, accounts: 40 + (index % 13), events: 50 + (index % 7) };
}

/**
 * Inserts a tenant's accounts, locations, events and event dates with ids derived from the tenant
 * id, so the same tenant seeded into its own database and into the shared baseline database has
 * identical rows. Events point at the tenant's own accounts and locations; `ownerId` is a
 * control-plane user.
 */
export async function seedBenchRows(client: pg.Client | pg.PoolClient, tenantId: string, shape: SeedShape, ownerId: string): Promise<void> {
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
  await client.query(
    `INSERT INTO locations (id, tenant_id, name, address_line1, city, country, updated_at)
     SELECT md5($1 || ':location:' || n)::uuid, $1::uuid, $2 || 'Venue ' || n, n || ' Rua Augusta', 'Lisbon', 'PT', now()
       FROM generate_series(1, $3::int) AS n
     ON CONFLICT (id) DO NOTHING`,
    [tenantId, shape.marker, LOCATIONS],
  );
  await client.query(
    `INSERT INTO events (id, tenant_id, account_id, location_id, name, type, status, owner_id, updated_at)
     SELECT md5($1 || ':event:' || n)::uuid, $1::uuid, md5($1 || ':' || (1 + n % $4::int))::uuid,
            md5($1 || ':location:' || (1 + n % $5::int))::uuid, $2 || 'Event ' || lpad(n::text, 3, '0'),
            'CONFERENCE'::"EventType", 'CONFIRMED'::"EventStatus", $6::uuid, now()
       FROM generate_series(1, $3::int) AS n
     ON CONFLICT (id) DO NOTHING`,
    [tenantId, shape.marker, shape.events, shape.accounts, LOCATIONS, ownerId],
  );
  await client.query(
    `INSERT INTO event_dates (id, tenant_id, event_id, label, starts_at, ends_at, updated_at)
     SELECT md5($1 || ':date:' || n || ':' || day)::uuid, $1::uuid, md5($1 || ':event:' || n)::uuid, $2 || 'day ' || day,
            timestamptz '2027-03-01 09:00Z' + (n || ' days')::interval + (day - 1 || ' days')::interval,
            timestamptz '2027-03-01 17:00Z' + (n || ' days')::interval + (day - 1 || ' days')::interval, now()
       FROM generate_series(1, $3::int) AS n, generate_series(1, 2) AS day
     ON CONFLICT (id) DO NOTHING`,
    [tenantId, shape.marker, shape.events],
  );
}
