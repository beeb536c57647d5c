import { type EventStatus, type EventType, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { kindsFor, type EventKind } from './flavours/index.js';
import { type OpportunityInfo } from './opportunities.js';
import { centsToDecimal, roundCents } from './money.js';
import { addDays, addHours, atLocalHour, dateOnly, earlier } from './time.js';
import { buildLocations, type LocationInfo } from './locations.js';

/** Typical local start hour, length in hours and what to call it, so a wedding does not start at 8 am. */
export const SCHEDULE: Readonly<Record<EventType, readonly [number, number, string]>> = {
  CONFERENCE: [8, 9, 'conference'], CORPORATE: [9, 6, 'corporate event'], WEDDING: [13, 10, 'wedding'],
  PARTY: [18, 5, 'party'], WORKSHOP: [9, 7, 'workshop'], OTHER: [10, 6, 'event'],
};

/** What quotes, contracts and invoices need to know about an event. */
export interface EventInfo {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** Rows for locations, events and event dates, plus each opportunity's event. */
export interface EventsResult {
  locations: Prisma.LocationCreateManyInput[];
  events: Prisma.EventCreateManyInput[];
  eventDates: Prisma.EventDateCreateManyInput[];
  eventByOpportunity: Map<string, EventInfo>;
  eventIds: string[];
}

/**
 * Events follow the sales pipeline: won deals have confirmed (or, once past, completed) events a
 * few weeks after closing, deals in proposal or negotiation have tentative ones, some lost deals
 * left a cancelled event, and a few events have no deal at all. Each event has 1–3 dates.
 */
export function buildEvents(
  ctx: SeedContext,
  accounts: readonly AccountInfo[],
  opportunities: readonly OpportunityInfo[],
): EventsResult {
  const { rng } = ctx;
  const { rows: locations, locations: venues } = buildLocations(ctx);
  const result: EventsResult = { locations, events: [], eventDates: [], eventByOpportunity: new Map(), eventIds: [] };
  for (const opportunity of opportunities) {
    const plan = planFor(ctx, opportunity);
    if (plan) {
      const { kind, account } = opportunity;
      const info = addEvent(ctx, result, venues, { ...plan, kind, account, opportunity });
      result.eventByOpportunity.set(opportunity.id, info);
    }
  }
  for (let n = rng.int(4, 7); n > 0; n -= 1) {
    const past = rng.chance(0.5);
    const startsAt = dateOnly(addDays(ctx.anchor, past ? -rng.int(10, 200) : rng.int(10, 200)));
    const status: EventStatus = past ? 'COMPLETED' : rng.pick(['CONFIRMED', 'DRAFT'] as const);
    const account = rng.chance(0.6) ? rng.pick(accounts) : undefined;
    const kind = rng.weighted(kindsFor(ctx.flavour, account?.isPrivate ?? false).map((k) => [k, k.weight] as const));
    addEvent(ctx, result, venues, { startsAt, status, kind, account });
  }
  return result;
}

interface EventPlan {
  startsAt: Date;
  status: EventStatus;
}

function planFor(ctx: SeedContext, opportunity: OpportunityInfo): EventPlan | undefined {
  const { rng } = ctx;
  const after = (min: number, max: number) => dateOnly(addDays(opportunity.closeDate, rng.int(min, max)));
  switch (opportunity.stage) {
    case 'CLOSED_WON': {
      const startsAt = after(21, 150);
      return { startsAt, status: addDays(startsAt, 3).getTime() < ctx.anchor.getTime() ? 'COMPLETED' : 'CONFIRMED' };
    }
    case 'PROPOSAL':
    case 'NEGOTIATION':
      return { startsAt: after(20, 120), status: 'TENTATIVE' };
    case 'QUALIFICATION':
      return rng.chance(0.5) ? { startsAt: after(30, 150), status: 'DRAFT' } : undefined;
    case 'CLOSED_LOST':
      return rng.chance(0.5) ? { startsAt: after(20, 90), status: 'CANCELLED' } : undefined;
    default:
      return undefined;
  }
}

function addEvent(
  ctx: SeedContext,
  result: EventsResult,
  venues: readonly LocationInfo[],
  plan: EventPlan & { kind: EventKind; account?: AccountInfo | undefined; opportunity?: OpportunityInfo },
): EventInfo {
  const { rng, flavour } = ctx;
  const { account, opportunity, kind } = plan;
  const local = venues.filter((venue) => venue.city === account?.city.city);
  const venue = rng.pick(local.length > 0 && rng.chance(0.8) ? local : venues);
  const type = kind.type;
  const [hour, hours, noun] = SCHEDULE[type];
  const id = ctx.ids.next('events');
  const labels = (kind.dateLabels ?? flavour.dateLabels)[rng.weighted([[0, 5], [1, 3], [2, 2]] as const)] ?? [];
  const createdAt = earlier(opportunity?.createdAt ?? addDays(plan.startsAt, -rng.int(30, 120)), ctx.anchor);
  const first = atLocalHour(plan.startsAt, hour, venue.timezone);
  let endsAt = first;
  labels.forEach((label, day) => {
    const startsAt = day === 0 ? first : atLocalHour(addDays(plan.startsAt, day), hour, venue.timezone);
    endsAt = addHours(startsAt, hours + rng.int(-1, 2));
    const elsewhere = day > 0 && rng.chance(0.15);
    result.eventDates.push({ id: ctx.ids.next('event_dates'), tenantId: ctx.tenantId, eventId: id,
      locationId: elsewhere ? rng.pick(venues).id : venue.id, label, startsAt, endsAt, createdAt,
      updatedAt: createdAt });
  });
  const attendees = rng.int(Math.ceil(venue.capacity * 0.3), venue.capacity);
  const [minDeal, maxDeal] = flavour.dealCents;
  const budgetCents = opportunity?.amountCents ?? roundCents(rng.int(minDeal, maxDeal), 10_000);
  result.events.push({
    id,
    tenantId: ctx.tenantId,
    accountId: account?.id ?? null,
    opportunityId: opportunity?.id ?? null,
    locationId: venue.id,
    name: ctx.fill(rng.pick(kind.events), { account: account?.name, city: venue.city, date: first }),
    type,
    status: plan.status,
    expectedAttendees: attendees,
    budget: rng.chance(0.9) ? centsToDecimal(budgetCents) : null,
    currency: account?.currency ?? flavour.currency,
    description: `${labels.length}-day ${noun} for about ${attendees} guests at ${venue.name}.`,
    ownerId: opportunity?.ownerId ?? ctx.person(),
    createdAt,
    updatedAt: earlier(addDays(createdAt, rng.int(0, 30)), ctx.anchor),
  });
  result.eventIds.push(id);
  return { id, startsAt: first, endsAt };
}
