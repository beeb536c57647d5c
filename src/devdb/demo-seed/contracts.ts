import { type ContractStatus, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type EventInfo } from './events.js';
import { centsToDecimal, taxCents } from './money.js';
import { assignNumbers } from './numbering.js';
import { type QuotePlan } from './quotes.js';
import { addDays, addHours, dateOnly } from './time.js';

/** What invoices need to know about a contract. */
export interface ContractInfo {
  id: string;
  number: string;
  quoteId: string;
  accountId: string;
  currency: string;
  valueCents: number;
  status: ContractStatus;
  startsOn: Date;
  endsOn: Date;
  signedAt: Date | null;
  event: EventInfo | undefined;
}

/**
 * One contract per accepted quote, worth exactly the quote's total in its currency. It runs from
 * the deal's close until two weeks after the event (a year when there is none). A few are still
 * unsigned drafts or were terminated; the rest are active or, once over, expired.
 */
export function buildContracts(
  ctx: SeedContext,
  accepted: readonly QuotePlan[],
): { rows: Prisma.ContractCreateManyInput[]; contracts: ContractInfo[] } {
  // Chosen by position rather than at random so every tenant has some of each. Only the latest
  // wins can still be unsigned; the one terminated is a little older.
  const byRecency = [...accepted].sort((a, b) => b.opportunity.closeDate.getTime() - a.opportunity.closeDate.getTime());
  const drafts = new Set(byRecency.slice(0, Math.max(1, Math.floor(accepted.length / 10))).map((quote) => quote.id));
  const terminated = byRecency[drafts.size + 2]?.id;
  const contracts = accepted.map((quote) => contractFor(ctx, quote, drafts.has(quote.id), quote.id === terminated));
  assignNumbers(contracts, 'C', (contract) => contract.signedAt ?? contract.startsOn);
  const rows = contracts.map((contract): Prisma.ContractCreateManyInput => ({
    id: contract.id,
    tenantId: ctx.tenantId,
    accountId: contract.accountId,
    quoteId: contract.quoteId,
    number: contract.number,
    status: contract.status,
    currency: contract.currency,
    value: centsToDecimal(contract.valueCents),
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    signedAt: contract.signedAt,
    createdAt: contract.startsOn,
    updatedAt: contract.signedAt ?? contract.startsOn,
  }));
  return { rows, contracts };
}

function contractFor(ctx: SeedContext, quote: QuotePlan, draft: boolean, terminated: boolean): ContractInfo {
  const { opportunity, event } = quote;
  const currency = opportunity.account.currency;
  const startsOn = dateOnly(opportunity.closeDate);
  const endsOn = dateOnly(event ? addDays(event.endsAt, 14) : addDays(startsOn, 365));
  let status: ContractStatus = endsOn.getTime() < ctx.anchor.getTime() ? 'EXPIRED' : 'ACTIVE';
  if (draft) {
    status = 'DRAFT';
  } else if (terminated) {
    status = 'TERMINATED';
  }
  return {
    id: ctx.ids.next('contracts'),
    number: '',
    quoteId: quote.id,
    accountId: opportunity.account.id,
    currency,
    valueCents: quote.subtotal + taxCents(quote.subtotal, currency),
    status,
    startsOn,
    endsOn,
    signedAt: draft ? null : addHours(opportunity.closeDate, ctx.rng.int(9, 40)),
    event,
  };
}
