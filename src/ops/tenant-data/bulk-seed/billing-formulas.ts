import { type StepScope } from './step-scope.js';
import { weighted } from './sql-random.js';

/**
 * How invoice `n`'s paid amount `paid` was paid: in one payment, or two or three instalments
 * (small amounts always in one). Invoices and payments both use it, so the payments of an
 * invoice always add up to its paid amount.
 */
export function paymentCount(scope: StepScope, n: string, paid: string): string {
  return `(CASE WHEN ${paid} < 100 THEN 1 ELSE ${weighted(scope.r('invoice.payments', n), [['1', 85], ['2', 13], ['3', 2]])} END)`;
}

/** Payment `k` (from 0) of `count` on invoice `n`: the parts are 100 %; 60/40 %; 50/30/20 %, the last taking the rounding. */
export function paymentAmount(paid: string, k: string, count: string): string {
  const share = (percent: number) => `round(${paid} * ${percent / 100}, 2)`;
  return `(CASE ${count} WHEN 1 THEN ${paid}
    WHEN 2 THEN (CASE ${k} WHEN 0 THEN ${share(60)} ELSE ${paid} - ${share(60)} END)
    ELSE (CASE ${k} WHEN 0 THEN ${share(50)} WHEN 1 THEN ${share(30)} ELSE ${paid} - ${share(50)} - ${share(30)} END) END)`;
}

/**
 * When payment `k` of `count` on invoice `n` arrived: in order, between the issue day and ten days
 * after the due day (thirty days after issue without one), never after the anchor.
 */
export function paymentReceivedAt(scope: StepScope, n: string, issued: string, due: string, k: string, count: string): string {
  const from = scope.utc(issued);
  const until = `LEAST(${scope.utc(`coalesce(${due}, ${issued} + 30) + 10`)}, ${scope.anchor} - interval '1 hour')`;
  return `LEAST(${scope.anchor}, ${from} + GREATEST(interval '1 hour', ${until} - ${from}) * ((${k} + ${scope.r('payment.when', `${n} * 4 + ${k}`)}) / ${count}))`;
}
