import { badInput } from '../../../errors/app-error.js';
import { type SeedTable } from '../../../devdb/demo-seed/index.js';

/** The most rows one seed inserts: beyond this a tenant is a load test, not a tenant. */
export const MAX_SEED_ROWS = 20_000_000;

/**
 * Rows per table of a production-sized tenant; their sum (1,545,000) is the reference size, and a
 * seed of N rows scales every table by N / 1,545,000. Links, event dates, quotes, contracts and
 * payments are not planned directly: they follow from their parents (quotes from the stages of
 * opportunities, payments from what invoices were paid), and their entries here are what those
 * rules give at this size, so the total still comes out at about N.
 */
const REFERENCE_ROWS: Readonly<Record<SeedTable, number>> = {
  accounts: 100_000, contacts: 200_000, account_contacts: 220_000, leads: 100_000, opportunities: 40_000,
  locations: 5_000, events: 30_000, event_dates: 90_000, quotes: 20_000, contracts: 15_000, invoices: 105_000,
  payments: 100_000, tasks: 100_000, notes: 100_000, attachments: 20_000, communications: 300_000,
};
const REFERENCE_TOTAL = Object.values(REFERENCE_ROWS).reduce((sum, rows) => sum + rows, 0);

/** Tables whose row count the seed chooses; the others follow from these. */
export type PlannedTable = 'accounts' | 'contacts' | 'leads' | 'opportunities' | 'locations' | 'events' | 'invoices' | 'tasks' | 'notes' | 'attachments' | 'communications';
const PLANNED: readonly PlannedTable[] = ['accounts', 'contacts', 'leads', 'opportunities', 'locations', 'events', 'invoices', 'tasks', 'notes', 'attachments', 'communications'];

/** Tables where the key account has a share of its own. */
export type KeyTable = 'contacts' | 'opportunities' | 'events' | 'invoices' | 'tasks' | 'notes' | 'attachments' | 'communications';

/**
 * The key account's rows in a seed of 1.2 million rows, and the fewest it gets in a small seed
 * (never more than half a table, so other accounts keep some). The key account is the one to open
 * with "an account and the first page of each relation": its communications and invoices run to
 * many pages.
 */
const KEY_SHARE: Readonly<Record<KeyTable, { at1200k: number; floor: number }>> = {
  communications: { at1200k: 20_000, floor: 300 }, invoices: { at1200k: 5_000, floor: 200 },
  contacts: { at1200k: 250, floor: 12 }, opportunities: { at1200k: 120, floor: 8 }, events: { at1200k: 150, floor: 6 },
  tasks: { at1200k: 1_500, floor: 40 }, notes: { at1200k: 1_500, floor: 40 }, attachments: { at1200k: 300, floor: 12 },
};

/** How many rows a seed plans per table, and how many of them are the key account's. */
export interface SeedShape {
  /** Rows asked for. */
  rows: number;
  counts: Readonly<Record<PlannedTable, number>>;
  /** Rows of the key account, the first ones of each table (see the steps). */
  key: Readonly<Record<KeyTable, number>>;
}

/**
 * The shape of a seed of about `rows` rows. Every planned table gets at least one row and there
 * are at least two accounts (the key account and another), so even `--rows 1` gives a consistent,
 * if tiny, tenant.
 *
 * @throws AppError `BAD_USER_INPUT` unless `rows` is an integer from 1 to {@link MAX_SEED_ROWS}.
 */
export function seedShape(rows: number): SeedShape {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_SEED_ROWS) {
    throw badInput(`rows must be a whole number from 1 to ${MAX_SEED_ROWS.toLocaleString('en-US')}`, 'rows');
  }
  const scale = rows / REFERENCE_TOTAL;
  const counts = Object.fromEntries(PLANNED.map((table) => [table, Math.max(1, Math.round(REFERENCE_ROWS[table] * scale))])) as Record<PlannedTable, number>;
  counts.accounts = Math.max(2, counts.accounts);
  const key = Object.fromEntries(
    (Object.keys(KEY_SHARE) as KeyTable[]).map((table) => {
      const { at1200k, floor } = KEY_SHARE[table];
      return [table, Math.min(Math.max(floor, Math.round((at1200k * rows) / 1_200_000)), Math.floor(counts[table] / 2))];
    }),
  ) as Record<KeyTable, number>;
  return { rows, counts, key };
}
