import { type Prisma, type QuoteStatus } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type EventInfo } from './events.js';
import { type OpportunityInfo } from './opportunities.js';
import { centsToDecimal, roundCents, taxCents } from './money.js';
import { assignNumbers } from './numbering.js';
import { addDays, addHours, dateOnly, earlier, later } from './time.js';

/** What contracts need to know about a quote. */
export interface QuotePlan {
  id: string;
  number: string;
  opportunity: OpportunityInfo;
  event: EventInfo | undefined;
  status: QuoteStatus;
  subtotal: number;
  createdAt: Date;
}

/**
 * One quote per opportunity that reached a proposal, its status following the deal: won deals have
 * an accepted quote, sometimes after an expired first version at a higher price.
 */
export function buildQuotes(
  ctx: SeedContext,
  opportunities: readonly OpportunityInfo[],
  eventByOpportunity: ReadonlyMap<string, EventInfo>,
): { quotes: Prisma.QuoteCreateManyInput[]; accepted: QuotePlan[] } {
  const { rng } = ctx;
  const plans: QuotePlan[] = [];
  const plan = (opportunity: OpportunityInfo, status: QuoteStatus, subtotal: number, createdAt: Date) =>
    plans.push({ id: ctx.ids.next('quotes'), number: '', opportunity, event: eventByOpportunity.get(opportunity.id),
      status, subtotal, createdAt: earlier(later(createdAt, addHours(opportunity.createdAt, 2)), ctx.anchor) });
  for (const opportunity of opportunities) {
    const sent = addDays(opportunity.closeDate, -rng.int(5, 40));
    switch (opportunity.stage) {
      case 'CLOSED_WON':
        if (rng.chance(0.25)) {
          plan(opportunity, 'EXPIRED', roundCents(opportunity.amountCents * 1.12, 10_000), addDays(sent, -35));
        }
        plan(opportunity, 'ACCEPTED', opportunity.amountCents, sent);
        break;
      case 'CLOSED_LOST':
        plan(opportunity, rng.pick(['REJECTED', 'EXPIRED'] as const), opportunity.amountCents, sent);
        break;
      case 'NEGOTIATION':
      case 'PROPOSAL':
        plan(opportunity, rng.chance(0.75) ? 'SENT' : 'DRAFT', opportunity.amountCents,
          addDays(ctx.anchor, -rng.int(1, 30)));
        break;
      default:
        break;
    }
  }
  assignNumbers(plans, 'Q', (quote) => quote.createdAt);
  const quotes = plans.map((quote): Prisma.QuoteCreateManyInput => {
    const currency = quote.opportunity.account.currency;
    const tax = taxCents(quote.subtotal, currency);
    return {
      id: quote.id,
      tenantId: ctx.tenantId,
      accountId: quote.opportunity.account.id,
      opportunityId: quote.opportunity.id,
      eventId: quote.event?.id ?? null,
      number: quote.number,
      status: quote.status,
      currency,
      subtotal: centsToDecimal(quote.subtotal),
      tax: centsToDecimal(tax),
      total: centsToDecimal(quote.subtotal + tax),
      validUntil: dateOnly(addDays(quote.createdAt, 30)),
      createdAt: quote.createdAt,
      updatedAt: earlier(addDays(quote.createdAt, rng.int(0, 20)), ctx.anchor),
    };
  });
  return { quotes, accepted: plans.filter((quote) => quote.status === 'ACCEPTED') };
}
