import { accountCurrency, otherAccount } from './crm-formulas.js';
import { paymentAmount, paymentCount, paymentReceivedAt } from './billing-formulas.js';
import { documentNumber, fourDigits } from './deal-steps.js';
import { type InsertStep } from './insert-step.js';
import { type StepScope } from './step-scope.js';
import { between, literal, pick, weighted } from './sql-random.js';

/** Share of a contract's value invoiced as a deposit on signing; the balance follows before the event. */
const DEPOSIT = 0.3;

/**
 * Invoices: a deposit and a balance for every contract (drafts while the contract is unsigned or
 * the balance not yet due to be issued, void when it was terminated), then invoices of their own,
 * the key account's first. Older invoices are mostly paid; the paid amount is what the invoice's
 * payments add up to, and the status follows from it and the due day.
 */
export function invoicesStep(scope: StepScope): InsertStep {
  const { shape, starts } = scope.run;
  const fromContracts = 2 * scope.count('contracts');
  const ownCount = Math.max(1, shape.counts.invoices - fromContracts);
  const keyOwn = Math.min(shape.key.invoices, ownCount);
  const today = scope.day(scope.anchor);
  const keyEvents = scope.keyCount('events');
  const age = `${today} - coalesce(due, issued + 30)`;
  const settled = scope.r('invoice.settled');
  return {
    table: 'invoices',
    scope,
    from: `generate_series(0::bigint, ${fromContracts + ownCount - 1}) AS g(i)
      LEFT JOIN contracts c ON i < ${fromContracts} AND c.id = ${scope.id('contracts', 'i / 2')}`,
    values: [
      { part: 'i % 2', own: `i - ${fromContracts}`, account: `CASE WHEN i >= ${fromContracts} AND i - ${fromContracts} < ${keyOwn} THEN 0::bigint ELSE ${otherAccount(scope, scope.r('invoice.account'))} END` },
      {
        amount: `CASE WHEN c.id IS NULL THEN round(150 * power(400, ${scope.r('invoice.amount')})::numeric, 2)
          WHEN part = 0 THEN round(c.value * ${DEPOSIT}, 2) ELSE c.value - round(c.value * ${DEPOSIT}, 2) END`,
        issued: `CASE WHEN c.id IS NULL THEN ${scope.day(scope.daysAgo(1800, scope.r('invoice.issued')))}
          ELSE ${scope.day('c.signed_at')} + (part * ${between(scope.r('invoice.balance'), 30, 150)})::int END`,
        voided: `CASE WHEN c.id IS NULL THEN ${scope.r('invoice.void')} < 0.02 ELSE c.status = 'TERMINATED' AND part = 1 END`,
      },
      { draft: `(CASE WHEN c.id IS NULL THEN ${scope.r('invoice.draft')} < 0.04 ELSE c.signed_at IS NULL OR issued > ${today} END)` },
      {
        due: `CASE WHEN draft OR (c.id IS NULL AND ${scope.r('invoice.terms')} < 0.1) THEN NULL ELSE issued + ${pick(scope.ints([14, 30, 30, 30, 45, 60]), scope.r('invoice.terms.days'))} END`,
      },
      {
        paid: `CASE WHEN draft OR voided THEN 0
          WHEN ${settled} < (CASE WHEN ${age} > 60 THEN 0.93 WHEN ${age} > 0 THEN 0.6 ELSE 0.25 END) THEN amount
          WHEN ${settled} < (CASE WHEN ${age} > 60 THEN 0.96 WHEN ${age} > 0 THEN 0.75 ELSE 0.4 END)
            THEN LEAST(amount - 0.01, GREATEST(0.01, round(amount * (0.3 + 0.4 * ${scope.r('invoice.part')})::numeric, 2)))
          ELSE 0 END`,
      },
      { payments: paymentCount(scope, 'i', 'paid') },
    ],
    columns: {
      id: scope.id('invoices', 'i'),
      tenant_id: scope.tenant,
      account_id: `coalesce(c.account_id, ${scope.id('accounts', 'account')})`,
      contract_id: 'c.id',
      event_id: keyEvents === 0 ? 'c.event_id'
        : `coalesce(c.event_id, CASE WHEN own >= 0 AND own < ${keyOwn} AND ${scope.r('invoice.event')} < 0.3 THEN ${scope.id('events', between(scope.r('invoice.event.pick'), 0, keyEvents - 1))} END)`,
      number: `CASE WHEN draft THEN 'DRAFT-' || ${fourDigits(`${starts.draft - 1} + row_number() OVER (PARTITION BY draft ORDER BY i)`)}
        ELSE ${documentNumber('INV', starts.invoice, 'issued', 'PARTITION BY draft')} END`,
      status: `(CASE WHEN draft THEN 'DRAFT' WHEN voided THEN 'VOID' WHEN paid = amount THEN 'PAID' WHEN paid > 0 THEN 'PARTIALLY_PAID'
        WHEN due < ${today} THEN 'OVERDUE' ELSE 'ISSUED' END)::"InvoiceStatus"`,
      currency: `coalesce(c.currency, ${accountCurrency(scope, 'account')})`,
      amount: 'amount',
      paid_amount: 'paid',
      issued_on: 'CASE WHEN draft THEN NULL ELSE issued END',
      due_on: 'due',
      created_at: `CASE WHEN draft THEN LEAST(${scope.anchor}, coalesce(c.created_at, ${scope.daysAgo(60, scope.r('invoice.drafted'))})) ELSE ${scope.utc('issued')} END`,
      updated_at: `CASE WHEN paid > 0 THEN ${paymentReceivedAt(scope, 'i', 'issued', 'due', 'payments - 1', 'payments')}
        WHEN draft THEN LEAST(${scope.anchor}, coalesce(c.created_at, ${scope.daysAgo(60, scope.r('invoice.drafted'))})) ELSE ${scope.utc('issued')} END`,
    },
  };
}

/** The payments of every paid or partly paid invoice, adding up to its paid amount. */
export function paymentsStep(scope: StepScope): InsertStep {
  const methods = [['BANK_TRANSFER', 6], ['CARD', 3], ['CHECK', 1], ['CASH', 1], ['OTHER', 0.3]] as const;
  const digits = (width: number) => `lpad(${between(scope.r(`payment.reference.${width}`, 'n * 4 + k'), 0, 10 ** width - 1)}::text, ${width}, '0')`;
  return {
    table: 'payments',
    scope,
    from: `generate_series(0::bigint, ${scope.count('invoices') - 1}) AS g(n)
      JOIN invoices v ON v.id = ${scope.id('invoices', 'n')} AND v.paid_amount > 0
      CROSS JOIN LATERAL (SELECT ${paymentCount(scope, 'n', 'v.paid_amount')} AS payments OFFSET 0) AS p
      CROSS JOIN LATERAL generate_series(0, payments - 1) AS k`,
    values: [
      {
        i: 'n * 4 + k',
        share: paymentAmount('v.paid_amount', 'k', 'payments'),
        drawn: weighted(scope.r('payment.method', 'n * 4 + k'), methods.map(([name, weight]) => [literal(name), weight] as const)),
        received: paymentReceivedAt(scope, 'n', 'v.issued_on', 'v.due_on', 'k', 'payments'),
      },
      // Cheques only in North America, cash only for small sums.
      { method: `CASE drawn WHEN 'CHECK' THEN (CASE WHEN v.currency IN ('USD', 'CAD') THEN 'CHECK' ELSE 'BANK_TRANSFER' END)
          WHEN 'CASH' THEN (CASE WHEN share < 5000 THEN 'CASH' ELSE 'CARD' END) ELSE drawn END` },
    ],
    columns: {
      id: scope.id('payments', 'i'),
      tenant_id: scope.tenant,
      invoice_id: 'v.id',
      amount: 'share',
      currency: 'v.currency',
      method: 'method::"PaymentMethod"',
      reference: `CASE method WHEN 'BANK_TRANSFER' THEN 'TRF-' || ${digits(10)} WHEN 'CARD' THEN 'ch_' || ${digits(14)} WHEN 'CHECK' THEN 'CHK ' || ${digits(6)} END`,
      received_at: 'received',
      created_at: 'received',
      updated_at: 'received',
    },
  };
}
