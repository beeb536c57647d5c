import { type Prisma } from '../../generated/tenant/client.js';

/** Tenant tables in foreign-key order: every table only references tables listed before it. */
export const SEED_TABLES = [
  'accounts', 'contacts', 'account_contacts', 'leads', 'opportunities', 'locations', 'events', 'event_dates',
  'quotes', 'contracts', 'invoices', 'payments', 'tasks', 'notes', 'attachments', 'communications',
] as const;

/** Name of a tenant table, as in the database. */
export type SeedTable = (typeof SEED_TABLES)[number];

/** Rows inserted per table. */
export type SeedSummary = Record<SeedTable, number>;

/** Every row the seed will insert, by table. */
export interface DemoRows {
  accounts: Prisma.AccountCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  account_contacts: Prisma.AccountContactCreateManyInput[];
  leads: Prisma.LeadCreateManyInput[];
  opportunities: Prisma.OpportunityCreateManyInput[];
  locations: Prisma.LocationCreateManyInput[];
  events: Prisma.EventCreateManyInput[];
  event_dates: Prisma.EventDateCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  attachments: Prisma.AttachmentCreateManyInput[];
  communications: Prisma.CommunicationCreateManyInput[];
}

/** A summary with every table at zero (what a skipped seed returns). */
export function emptySummary(): SeedSummary {
  return Object.fromEntries(SEED_TABLES.map((table) => [table, 0])) as SeedSummary;
}

/** Row counts of `rows`, by table. */
export function summarize(rows: DemoRows): SeedSummary {
  return Object.fromEntries(SEED_TABLES.map((table) => [table, rows[table].length])) as SeedSummary;
}
