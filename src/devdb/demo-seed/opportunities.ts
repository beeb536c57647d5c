import { type OpportunityStage, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { kindsFor, type EventKind } from './flavours/index.js';
import { centsToDecimal, roundCents } from './money.js';
import { addDays, dateOnly, earlier, later } from './time.js';

const OPEN_STAGES: readonly OpportunityStage[] = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'];
const PROBABILITY: Readonly<Record<OpportunityStage, number>> = {
  PROSPECTING: 10, QUALIFICATION: 25, PROPOSAL: 50, NEGOTIATION: 75, CLOSED_WON: 100, CLOSED_LOST: 0,
};

/** What later builders need to know about an opportunity. */
export interface OpportunityInfo {
  id: string;
  account: AccountInfo;
  stage: OpportunityStage;
  /** What is being sold; the deal's event is of this kind. */
  kind: EventKind;
  amountCents: number;
  /** Actual close date for closed stages, expected for open ones. */
  closeDate: Date;
  createdAt: Date;
  ownerId: string | null;
}

/**
 * 32–44 opportunities across every stage. At least 14 are won, so the quote → contract → invoice
 * → payment chain always has enough rows to be worth browsing.
 */
export function buildOpportunities(
  ctx: SeedContext,
  accounts: readonly AccountInfo[],
  convertedLeadByAccount: Map<string, string>,
): { rows: Prisma.OpportunityCreateManyInput[]; opportunities: OpportunityInfo[] } {
  const { rng, flavour } = ctx;
  const count = rng.int(32, 44);
  const won = Math.max(14, Math.round(count * 0.35));
  const lost = Math.max(2, Math.round(count * 0.12));
  const stages = rng.shuffle<OpportunityStage>([
    ...Array.from({ length: won }, () => 'CLOSED_WON' as const),
    ...Array.from({ length: lost }, () => 'CLOSED_LOST' as const),
    ...Array.from({ length: count - won - lost }, (_, i) => OPEN_STAGES[i % OPEN_STAGES.length] as OpportunityStage),
  ]);
  const accountOrder = rng.shuffle(accounts);
  const leadsUsed = new Set<string>();
  const opportunities: OpportunityInfo[] = [];
  const rows = stages.map((stage, index): Prisma.OpportunityCreateManyInput => {
    const account = accountOrder[index % accountOrder.length] as AccountInfo;
    const closed = stage === 'CLOSED_WON' || stage === 'CLOSED_LOST';
    // Half the closed deals are recent, so there are upcoming events and invoices still open.
    const daysAgo = rng.chance(0.5) ? rng.int(5, 75) : rng.int(75, 330);
    const closeDate = dateOnly(addDays(ctx.anchor, closed ? -daysAgo : rng.int(10, 150)));
    const createdAt = closed
      ? later(addDays(closeDate, -rng.int(20, 120)), addDays(account.createdAt, 1))
      : addDays(ctx.anchor, -rng.int(1, 120) - rng.float());
    const leadId = convertedLeadByAccount.get(account.id);
    const useLead = leadId !== undefined && !leadsUsed.has(leadId);
    if (useLead) {
      leadsUsed.add(leadId);
    }
    const base = roundCents(rng.int(flavour.dealCents[0], flavour.dealCents[1]), 50_000);
    const amountCents = base + (rng.chance(0.3) ? rng.int(1, 9_999) : 0);
    const kind = rng.weighted(kindsFor(flavour, account.isPrivate).map((k) => [k, k.weight] as const));
    const info: OpportunityInfo = { id: ctx.ids.next('opportunities'), account, stage, kind, amountCents, closeDate,
      createdAt: earlier(createdAt, ctx.anchor), ownerId: account.ownerId ?? ctx.person() };
    opportunities.push(info);
    return {
      id: info.id,
      tenantId: ctx.tenantId,
      accountId: account.id,
      leadId: useLead ? leadId : null,
      name: ctx.fill(rng.pick(kind.deals), { account: account.name, city: account.city.city, date: closeDate }),
      stage,
      amount: centsToDecimal(amountCents),
      currency: account.currency,
      probability: PROBABILITY[stage],
      expectedCloseDate: closeDate,
      ownerId: info.ownerId,
      createdAt: info.createdAt,
      updatedAt: earlier(later(info.createdAt, closed ? closeDate : info.createdAt), ctx.anchor),
    };
  });
  return { rows, opportunities };
}
