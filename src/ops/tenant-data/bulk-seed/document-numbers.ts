import { type ClientBase } from 'pg';
import { NUMBERED } from '../../../modules/workflows/numbering.js';

/**
 * Where the seed's numbers continue: each is one more than the highest the tenant has, so seeded
 * quotes, contracts and invoices never take a number that exists, and neither do contact emails
 * (unique per tenant), which carry a number too.
 */
export interface DocumentStarts {
  /** `Q-2026-0043`: quotes are numbered by the caller, not by a counter. */
  quote: number;
  contract: number;
  invoice: number;
  /** `DRAFT-0007`: drafts get their `INV-` number when issued. */
  draft: number;
  /** `olivia.okafor4211@…`; digits, since an address may end in a number too long for a double. */
  email: string;
}

/** The tables of the counted documents, by counter name. */
const TABLE_OF = { invoice: 'invoices', contract: 'contracts' } as const satisfies Record<keyof typeof NUMBERED, string>;
const COUNTERS = Object.keys(NUMBERED) as (keyof typeof NUMBERED)[];

/** SQL for the highest `-<digits>` number among `column` values of the tenant (`$1`) that start with `prefix`. */
function highest(table: string, column: string, prefix: string, pattern = '-(\\d+)$'): string {
  return `(SELECT coalesce(max(substring(${column} FROM '${pattern}')::numeric), 0) FROM ${table} WHERE tenant_id = $1 AND ${column} LIKE '${prefix}%')`;
}

/**
 * Reads where the seed's numbers start and takes the tenant's invoice and contract counters (the
 * rows `number_sequences` keeps for the API's gapless numbering) until the seed's transaction
 * ends, creating them if the tenant never numbered a document. Meanwhile the API's numbering
 * waits, so it cannot hand out a number the seed is about to use; a rolled-back seed leaves the
 * counters as they were.
 */
export async function claimDocumentNumbers(client: ClientBase, tenantId: string): Promise<DocumentStarts> {
  await client.query(
    `INSERT INTO number_sequences (id, tenant_id, name, last_value, updated_at)
     SELECT gen_random_uuid(), $1, name, 0, now() FROM unnest($2::text[]) AS name
     ON CONFLICT (tenant_id, name) DO NOTHING`,
    [tenantId, COUNTERS],
  );
  const { rows: counters } = await client.query<{ name: string; last_value: number }>(
    'SELECT name, last_value FROM number_sequences WHERE tenant_id = $1 AND name = ANY($2::text[]) FOR UPDATE',
    [tenantId, COUNTERS],
  );
  const counter = (name: string) => counters.find((row) => row.name === name)?.last_value ?? 0;
  const { rows } = await client.query<Record<keyof DocumentStarts, string>>(
    `SELECT ${highest('quotes', 'number', 'Q-')} AS quote,
            ${highest('contracts', 'number', `${NUMBERED.contract.prefix}-`)} AS contract,
            ${highest('invoices', 'number', `${NUMBERED.invoice.prefix}-`)} AS invoice,
            ${highest('invoices', 'number', 'DRAFT-', '^DRAFT-(\\d+)$')} AS draft,
            (${highest('contacts', 'email', '', '(\\d+)@[^@]*$')} + 1)::text AS email`,
    [tenantId],
  );
  const used = rows[0] as Record<keyof DocumentStarts, string>;
  return {
    quote: Number(used.quote) + 1,
    contract: Math.max(Number(used.contract), counter('contract')) + 1,
    invoice: Math.max(Number(used.invoice), counter('invoice')) + 1,
    draft: Number(used.draft) + 1,
    email: used.email,
  };
}

/**
 * Moves each counter to the highest number its table now holds (never back), so the API's next
 * `issueInvoice` or `acceptQuote` continues after the seeded documents.
 */
export async function advanceNumberSequences(client: ClientBase, tenantId: string): Promise<void> {
  for (const name of COUNTERS) {
    await client.query(
      `UPDATE number_sequences SET last_value = GREATEST(last_value, ${highest(TABLE_OF[name], 'number', `${NUMBERED[name].prefix}-`)}), updated_at = now()
        WHERE tenant_id = $1 AND name = $2`,
      [tenantId, name],
    );
  }
}
