import { TAX_RATES } from '../../../devdb/demo-seed/money.js';
import { eventHasDeal } from './event-formulas.js';
import { type InsertStep } from './insert-step.js';
import { type StepScope } from './step-scope.js';
import { between } from './sql-random.js';

/** Quotes of a deal by its stage: a won deal has its accepted quote (and sometimes an earlier, pricier one), an open one its latest. */
function quotesPerDeal(scope: StepScope): string {
  const r = scope.r('quote.count', 'o');
  return `CASE p.stage WHEN 'CLOSED_WON' THEN (CASE WHEN ${r} < 0.1 THEN 2 ELSE 1 END) WHEN 'CLOSED_LOST' THEN (CASE WHEN ${r} < 0.15 THEN 1 ELSE 0 END)
    WHEN 'NEGOTIATION' THEN 1 WHEN 'PROPOSAL' THEN (CASE WHEN ${r} < 0.4 THEN 1 ELSE 0 END) WHEN 'QUALIFICATION' THEN (CASE WHEN ${r} < 0.05 THEN 1 ELSE 0 END) ELSE 0 END`;
}

/** Sales tax on a quote in `currency`, at the demo seed's rates. */
function taxRate(currency: string): string {
  return `(CASE ${currency} ${Object.entries(TAX_RATES).map(([code, rate]) => `WHEN '${code}' THEN ${rate}`).join(' ')} ELSE 0 END)`;
}

/** `number` as text of at least four digits, as the API's numbering writes it (lpad alone would cut 12345 to 1234). */
export function fourDigits(number: string): string {
  return `to_char(${number}, 'FM${'9'.repeat(14)}0000')`;
}

/** `PREFIX-YYYY-NNNN` numbers continuing from `start`, in the order of `dateOf` across the rows. */
export function documentNumber(prefix: string, start: number, dateOf: string, partition = ''): string {
  const sequence = `${start - 1} + row_number() OVER (${partition} ORDER BY ${dateOf}, i)`;
  return `'${prefix}-' || extract(year FROM ${dateOf})::int || '-' || ${fourDigits(sequence)}`;
}

/**
 * Quotes, made from the deals' stages: accepted for won deals, rejected or expired for some lost
 * ones, sent or draft for open ones; each for the deal's amount plus tax, in its currency, and for
 * its event. The key account's deals come first, so their quotes do too.
 */
export function quotesStep(scope: StepScope): InsertStep {
  const { shape, starts } = scope.run;
  const deals = `(SELECT o, k, quotes, p.id AS deal_id, p.account_id, p.stage, p.amount, p.currency, p.created_at AS deal_created, p.updated_at AS deal_updated,
        row_number() OVER (ORDER BY o, k) - 1 AS i
      FROM generate_series(0::bigint, ${shape.counts.opportunities - 1}) AS g(o)
      JOIN opportunities p ON p.id = ${scope.id('opportunities', 'o')}
      CROSS JOIN LATERAL (SELECT ${quotesPerDeal(scope)} AS quotes OFFSET 0) AS n
      CROSS JOIN LATERAL generate_series(1, quotes) AS k) AS q`;
  const closed = `stage IN ('CLOSED_WON', 'CLOSED_LOST')`;
  return {
    table: 'quotes',
    scope,
    from: deals,
    values: [
      {
        status: `(CASE stage WHEN 'CLOSED_WON' THEN (CASE WHEN k = quotes THEN 'ACCEPTED' ELSE 'EXPIRED' END)
          WHEN 'CLOSED_LOST' THEN (CASE WHEN ${scope.r('quote.lost')} < 0.6 THEN 'REJECTED' ELSE 'EXPIRED' END)
          WHEN 'NEGOTIATION' THEN 'SENT' WHEN 'PROPOSAL' THEN (CASE WHEN ${scope.r('quote.sent')} < 0.7 THEN 'SENT' ELSE 'DRAFT' END) ELSE 'DRAFT' END)::"QuoteStatus"`,
        subtotal: `CASE WHEN k < quotes THEN round(amount * 1.12 / 100) * 100 ELSE amount END`,
        // A closed deal's quotes were sent a few weeks before it closed, an earlier revision a month before that.
        created: `CASE WHEN ${closed} THEN GREATEST(deal_created + interval '2 hours', deal_updated - (${between(scope.r('quote.sent.before'), 5, 40)} + (quotes - k) * 35) * interval '1 day')
          ELSE ${scope.recentSince('deal_created', scope.r('quote.created'))} END`,
      },
      { tax: `round(subtotal * ${taxRate('currency')}, 2)` },
    ],
    columns: {
      id: scope.id('quotes', 'i'),
      tenant_id: scope.tenant,
      account_id: 'account_id',
      opportunity_id: 'deal_id',
      event_id: `CASE WHEN ${eventHasDeal(scope, 'o')} THEN ${scope.id('events', 'o')} END`,
      number: documentNumber('Q', starts.quote, 'created'),
      status: 'status',
      currency: 'currency',
      subtotal: 'subtotal',
      tax: 'tax',
      total: 'subtotal + tax',
      valid_until: `${scope.day('created')} + 30`,
      created_at: 'created',
      updated_at: `CASE WHEN ${closed} THEN GREATEST(created, deal_updated) ELSE ${scope.recentSince('created', scope.r('quote.updated'))} END`,
    },
  };
}

/**
 * A contract for every accepted quote, worth its total, from the day the deal closed. The latest
 * few are unsigned drafts; of the signed ones some were terminated, and those past their end expired.
 */
export function contractsStep(scope: StepScope): InsertStep {
  const { low, high } = scope.run.ids.range('quotes');
  const accepted = `(SELECT q.*, row_number() OVER (ORDER BY q.id) - 1 AS i FROM quotes q
      WHERE q.tenant_id = ${scope.tenant} AND q.id BETWEEN ${low} AND ${high} AND q.status = 'ACCEPTED') AS q
    JOIN opportunities p ON p.id = q.opportunity_id`;
  return {
    table: 'contracts',
    scope,
    from: accepted,
    values: [
      {
        signed: `CASE WHEN ${scope.anchor} - p.updated_at < interval '60 days' AND ${scope.r('contract.draft')} < 0.3 THEN NULL
          ELSE LEAST(${scope.anchor}, p.updated_at + ${between(scope.r('contract.signed'), 9, 40)} * interval '1 hour') END`,
        ends: `CASE WHEN ${scope.r('contract.open')} < 0.1 THEN NULL ELSE ${scope.day('p.updated_at')} + ${between(scope.r('contract.length'), 60, 540)}::int END`,
      },
    ],
    columns: {
      id: scope.id('contracts', 'i'),
      tenant_id: scope.tenant,
      account_id: 'q.account_id',
      quote_id: 'q.id',
      event_id: 'q.event_id',
      number: documentNumber('C', scope.run.starts.contract, 'coalesce(signed, p.updated_at)'),
      status: `(CASE WHEN signed IS NULL THEN 'DRAFT' WHEN ${scope.r('contract.terminated')} < 0.03 THEN 'TERMINATED'
        WHEN ends < ${scope.day(scope.anchor)} THEN 'EXPIRED' ELSE 'ACTIVE' END)::"ContractStatus"`,
      currency: 'q.currency',
      value: 'q.total',
      starts_on: scope.day('p.updated_at'),
      ends_on: 'ends',
      signed_at: 'signed',
      created_at: 'p.updated_at',
      updated_at: 'coalesce(signed, p.updated_at)',
    },
  };
}
