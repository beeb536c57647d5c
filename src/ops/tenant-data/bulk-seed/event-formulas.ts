import { SCHEDULE } from '../../../devdb/demo-seed/events.js';
import { otherAccount } from './crm-formulas.js';
import { opportunityAccount } from './lead-steps.js';
import { type StepScope } from './step-scope.js';
import { between, weighted } from './sql-random.js';

/**
 * Event attributes as formulas of the event's index, shared by events, their dates, quotes and
 * activity. Most events follow a deal: event `e` is the event of opportunity `e`, so a deal finds
 * its event (and an event its deal) by index alone.
 */

/** Whether event `e` (equally: opportunity `e`) belongs to the deal of the same index. */
export function eventHasDeal(scope: StepScope, e: string): string {
  const { counts, key } = scope.run.shape;
  // Key events pair with key deals only, so an event and its deal always share the account.
  return `(${e} < ${Math.min(counts.events, counts.opportunities)} AND (${e} < ${key.events}) = (${e} < ${key.opportunities}) AND ${scope.r('event.deal', e)} < 0.85)`;
}

/** The account index of event `e`: its deal's, the key account for key events, else mostly another account, sometimes none (NULL). */
export function eventAccount(scope: StepScope, e: string): string {
  return `(CASE WHEN ${eventHasDeal(scope, e)} THEN ${opportunityAccount(scope, e)} WHEN ${e} < ${scope.run.shape.key.events} THEN 0::bigint
    WHEN ${scope.r('event.account', e)} < 0.8 THEN ${otherAccount(scope, scope.r('event.account.pick', e))} END)`;
}

/**
 * The first day of event `e`, given its deal as the joined row `p` (NULL columns without one): a
 * few weeks to months after the deal closed (or is expected to), otherwise mostly in the past years.
 */
export function eventFirstDay(scope: StepScope, e: string): string {
  const after = (lo: number, hi: number) => `p.expected_close_date + ${between(scope.r('event.lead', e), lo, hi)}::int`;
  const unplanned = `CASE WHEN ${scope.r('event.when', e)} < 0.75 THEN ${scope.day(scope.daysAgo(900, scope.r('event.ago', e)))} - 1
    ELSE ${scope.day(scope.anchor)} + ${between(scope.r('event.ahead', e), 10, 240)}::int END`;
  return `(CASE WHEN p.id IS NULL THEN ${unplanned} WHEN p.stage = 'CLOSED_WON' THEN ${after(21, 150)}
    WHEN p.stage = 'CLOSED_LOST' THEN ${after(20, 90)} ELSE ${after(20, 120)} END)`;
}

/** How many dates event `e` has: one to five, three most often. */
export function eventDateCount(scope: StepScope, e: string): string {
  return weighted(scope.r('event.dates', e), [['1', 15], ['2', 20], ['3', 30], ['4', 20], ['5', 15]]);
}

/** The local start hour, length in hours or noun of an event of type `type` (SQL), as the demo seed schedules them. */
export function scheduleOf(type: string, part: 0 | 1 | 2): string {
  const arms = Object.entries(SCHEDULE).map(([name, schedule]) => `WHEN '${name}' THEN ${part === 2 ? `'${schedule[part]}'` : schedule[part]}`);
  return `(CASE ${type} ${arms.join(' ')} END)`;
}
