import { createHash } from 'node:crypto';
import pg from 'pg';

/** The id {@link growTenant} gives row `n` (from 1) of a kind (`account`, `event`, `date`, …) of a tenant. */
export function bigTenantId(tenantId: string, kind: string, n = 1): string {
  const hex = createHash('md5').update(`${tenantId}/${kind}/${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Grows one tenant to `rows` rows in every business table with set-based inserts, for tests that
 * need the planner to see production-sized tables. Ids are derived from the tenant, the kind and a row
 * number (see {@link bigTenantId}), so every reference points at a row of the same tenant; values spread over the
 * enums, years of dates and amounts, with NULLs where a column allows them. The same-tenant
 * triggers are skipped for the load (`session_replication_role = replica`, a superuser's right):
 * the rows are consistent by construction. Ends with VACUUM ANALYZE so plans see the new sizes.
 */
export async function growTenant(url: string, tenantId: string, people: readonly string[], rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // md5 hex with the version and variant digits of a v4 UUID, which the API's id checks expect.
  const id = (kind: string, n: string) => `overlay(overlay(md5('${tenantId}/${kind}/' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
  const ref = (kind: string, g = 'g') => id(kind, `1 + (${g} * 7919) % ${rows}`);
  const pick = (values: readonly string[], type: string, g = 'g') => `(ARRAY[${values.map((value) => `'${value}'`).join(',')}])[1 + ${g} % ${values.length}]::"${type}"`;
  const person = people.length ? `(ARRAY[${people.map((p) => `'${p}'`).join(',')}]::uuid[])[1 + g % ${people.length}]` : 'NULL::uuid';
  const day = (span: number) => `(date '2020-01-01' + (g * 37) % ${span})`;
  const instant = (span: number) => `(timestamptz '2020-01-01' + ((g * 7331) % ${span}) * interval '1 minute')`;
  const maybe = (value: string, every = 5) => `CASE WHEN g % ${every} = 0 THEN NULL ELSE ${value} END`;
  const series = `FROM generate_series(1, ${rows}) g`;
  const statements = [
    `INSERT INTO accounts (id, tenant_id, name, type, industry, city, country, annual_revenue, employee_count, owner_id, created_at, updated_at)
      SELECT ${id('account', 'g')}, $1, 'Account ' || g || ' ' || md5(g::text), ${pick(['PROSPECT', 'CUSTOMER', 'PARTNER', 'VENDOR'], 'AccountType')},
        'Industry ' || g % 40, 'City ' || g % 900, 'DE', ${maybe('(g % 100000) * 10.5')}, ${maybe('g % 5000')}, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO contacts (id, tenant_id, first_name, last_name, email, title, owner_id, created_at, updated_at)
      SELECT ${id('contact', 'g')}, $1, 'First' || g % 5000, 'Last' || md5(g::text), 'c' || g || '@big.example', ${maybe("'Buyer'")}, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO account_contacts (id, tenant_id, account_id, contact_id, role, is_primary, created_at)
      SELECT ${id('link', 'g')}, $1, ${ref('account')}, ${id('contact', 'g')}, ${maybe("'Decision maker'", 3)}, g % 4 = 0, ${instant(3_000_000)} ${series}`,
    `INSERT INTO leads (id, tenant_id, first_name, last_name, email, company, source, status, score, owner_id, created_at, updated_at)
      SELECT ${id('lead', 'g')}, $1, 'Lead' || g % 3000, 'Name' || md5(g::text), 'l' || g || '@lead.example', ${maybe("'Company ' || g % 20000")},
        ${pick(['WEB', 'REFERRAL', 'EVENT', 'OUTBOUND', 'PARTNER', 'OTHER'], 'LeadSource')}, ${pick(['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED'], 'LeadStatus')},
        g % 100, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO opportunities (id, tenant_id, account_id, lead_id, name, stage, amount, probability, expected_close_date, owner_id, created_at, updated_at)
      SELECT ${id('opportunity', 'g')}, $1, ${ref('account')}, ${maybe(ref('lead'), 3)}, 'Deal ' || md5(g::text),
        ${pick(['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'], 'OpportunityStage')}, (g % 90000) + 100, g % 100,
        ${maybe(day(2500))}, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO locations (id, tenant_id, name, address_line1, city, country, capacity, created_at, updated_at)
      SELECT ${id('location', 'g')}, $1, 'Venue ' || md5(g::text), g || ' Quay', 'City ' || g % 900, (ARRAY['DE','FR','NL','AT'])[1 + g % 4], ${maybe('g % 2000')},
        ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO events (id, tenant_id, account_id, opportunity_id, location_id, name, type, status, expected_attendees, budget, owner_id, created_at, updated_at)
      SELECT ${id('event', 'g')}, $1, ${maybe(ref('account'), 7)}, ${maybe(ref('opportunity'), 2)}, ${maybe(ref('location'), 6)}, 'Event ' || md5(g::text),
        ${pick(['CONFERENCE', 'CORPORATE', 'WEDDING', 'PARTY', 'WORKSHOP', 'OTHER'], 'EventType')}, ${pick(['DRAFT', 'TENTATIVE', 'CONFIRMED', 'COMPLETED', 'CANCELLED'], 'EventStatus')},
        ${maybe('g % 3000')}, ${maybe('(g % 50000) * 3')}, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO event_dates (id, tenant_id, event_id, location_id, label, starts_at, ends_at, created_at, updated_at)
      SELECT ${id('date', 'g')}, $1, ${ref('event')}, ${maybe(ref('location'), 4)}, ${maybe("'Day ' || g % 3")}, ${instant(3_000_000)}, ${instant(3_000_000)} + interval '8 hours',
        ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO quotes (id, tenant_id, account_id, opportunity_id, event_id, number, status, subtotal, tax, total, valid_until, created_at, updated_at)
      SELECT ${id('quote', 'g')}, $1, ${ref('account')}, ${maybe(ref('opportunity'), 2)}, ${maybe(ref('event'), 3)}, 'Q-BIG-' || g,
        ${pick(['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'], 'QuoteStatus')}, g % 9000, 0, g % 9000, ${maybe(day(2500))}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO contracts (id, tenant_id, account_id, quote_id, event_id, number, status, value, starts_on, ends_on, signed_at, created_at, updated_at)
      SELECT ${id('contract', 'g')}, $1, ${ref('account')}, ${maybe(id('quote', 'g'), 2)}, ${maybe(ref('event'), 3)}, 'C-BIG-' || g,
        ${pick(['DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED'], 'ContractStatus')}, g % 90000, ${day(2500)}, ${maybe(day(2500) + ' + 365')}, ${maybe(instant(3_000_000))},
        ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO invoices (id, tenant_id, account_id, contract_id, event_id, number, status, amount, paid_amount, issued_on, due_on, created_at, updated_at)
      SELECT ${id('invoice', 'g')}, $1, ${ref('account')}, ${maybe(ref('contract'), 2)}, ${maybe(ref('event'), 3)}, 'INV-BIG-' || g,
        ${pick(['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID'], 'InvoiceStatus')}, (g % 9000) + 10, 0, ${maybe(day(2500))}, ${maybe(day(2500))},
        ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO payments (id, tenant_id, invoice_id, amount, method, reference, received_at, created_at, updated_at)
      SELECT ${id('payment', 'g')}, $1, ${ref('invoice')}, (g % 900) + 1, ${pick(['CARD', 'BANK_TRANSFER', 'CASH', 'CHECK', 'OTHER'], 'PaymentMethod')},
        ${maybe("'REF-' || g")}, ${instant(3_000_000)}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO tasks (id, tenant_id, title, status, priority, due_at, assignee_id, account_id, contact_id, opportunity_id, event_id, created_at, updated_at)
      SELECT ${id('task', 'g')}, $1, 'Task ' || md5(g::text), ${pick(['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'], 'TaskStatus')},
        ${pick(['LOW', 'NORMAL', 'HIGH', 'URGENT'], 'TaskPriority')}, ${maybe(instant(3_000_000), 4)}, ${person}, ${maybe(ref('account'), 2)}, ${maybe(ref('contact'), 3)},
        ${maybe(ref('opportunity'), 4)}, ${maybe(ref('event'), 5)}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO notes (id, tenant_id, body, author_id, account_id, contact_id, lead_id, opportunity_id, event_id, created_at, updated_at)
      SELECT ${id('note', 'g')}, $1, 'Note ' || md5(g::text) || ' about the meeting', ${person}, ${maybe(ref('account'), 2)}, ${maybe(ref('contact'), 3)},
        ${maybe(ref('lead'), 4)}, ${maybe(ref('opportunity'), 5)}, ${maybe(ref('event'), 6)}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO attachments (id, tenant_id, subject_type, subject_id, file_name, content_type, size_bytes, storage_key, uploaded_by_id, created_at, updated_at)
      SELECT ${id('attachment', 'g')}, $1, 'accounts', ${ref('account')}, 'file-' || md5(g::text) || '.pdf', (ARRAY['application/pdf','image/png'])[1 + g % 2],
        g * 10, 'big/' || g, ${person}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
    `INSERT INTO communications (id, tenant_id, channel, direction, subject, body, occurred_at, user_id, account_id, contact_id, lead_id, created_at, updated_at)
      SELECT ${id('communication', 'g')}, $1, ${pick(['EMAIL', 'CALL', 'MEETING', 'SMS'], 'CommunicationChannel')}, ${pick(['INBOUND', 'OUTBOUND'], 'CommunicationDirection')},
        ${maybe("'Subject ' || md5(g::text)", 6)}, 'Body ' || md5(g::text), ${instant(3_000_000)}, ${person}, ${maybe(ref('account'), 2)}, ${maybe(ref('contact'), 3)},
        ${maybe(ref('lead'), 4)}, ${instant(3_000_000)}, ${instant(3_000_000)} ${series}`,
  ];
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const statement of statements) {
      await client.query(statement, [tenantId]);
    }
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
