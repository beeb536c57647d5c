import { accountCity, accountCurrency, accountName } from './crm-formulas.js';
import { eventAccount, eventDateCount, eventFirstDay, eventHasDeal, scheduleOf } from './event-formulas.js';
import { type InsertStep } from './insert-step.js';
import { fillTemplate, saleKind, templateOfKind } from './name-templates.js';
import { type StepScope } from './step-scope.js';
import { between, literal, pick, sometimes, weightedEnum } from './sql-random.js';

/** Venues: the flavour's venue names in its cities, some split into halls and wings. */
export function locationsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const city = (list: readonly (string | null)[]) => `(${scope.text(list)})[city]`;
  const [minCapacity, maxCapacity] = words.capacity;
  return {
    table: 'locations',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.locations - 1}) AS g(i)`,
    values: [{ city: `1 + floor(${scope.r('location.city')} * ${words.cities.names.length})::int`, created: scope.daysAgo(3000, scope.r('location.created')) }],
    columns: {
      id: scope.id('locations', 'i'),
      tenant_id: scope.tenant,
      name: `${pick(scope.text(words.venues), scope.r('location.venue'))} || coalesce(${sometimes(scope.r('location.hall'), 0.4, `' ' || ${pick(scope.text(words.venueQualifiers), scope.r('location.hall.pick'))}`)}, '') || ', ' || ${city(words.cities.names)}`,
      address_line1: `${between(scope.r('location.number'), 1, 480)} || ' ' || ${pick(scope.text(words.streets), scope.r('location.street'))}`,
      address_line2: sometimes(scope.r('location.line2'), 0.25, pick(scope.text(['Gate B', 'Level 2', 'Rear entrance', 'Suite 200']), scope.r('location.line2.pick'))),
      city: city(words.cities.names),
      region: city(words.cities.regions),
      postal_code: `${city(words.cities.postalPrefixes)} || lpad(${between(scope.r('location.postal'), 0, 99)}::text, 2, '0')`,
      country: city(words.cities.countries),
      capacity: `GREATEST(${minCapacity}, round(${between(scope.r('location.capacity'), minCapacity, maxCapacity)} / 10.0) * 10)::int`,
      timezone: city(words.cities.timezones),
      created_at: 'created',
      updated_at: scope.recentSince('created', scope.r('location.updated')),
    },
  };
}

/**
 * Events: most follow a deal (a won deal's event is confirmed, or completed once past; a lost
 * deal's was cancelled; an open deal's is tentative), the rest are the tenant's own. The key
 * account's come first.
 */
export function eventsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const kind = saleKind(scope, 'i');
  const future = weightedEnum(scope.r('event.status'), '"EventStatus"', [['CONFIRMED', 5], ['TENTATIVE', 3], ['DRAFT', 2]]);
  const past = weightedEnum(scope.r('event.status'), '"EventStatus"', [['COMPLETED', 92], ['CANCELLED', 8]]);
  return {
    table: 'events',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.events - 1}) AS g(i)
      LEFT JOIN opportunities p ON ${eventHasDeal(scope, 'i')} AND p.id = ${scope.id('opportunities', 'i')}
      LEFT JOIN locations loc ON ${scope.r('event.venue')} < 0.85 AND loc.id = ${scope.id('locations', between(scope.r('event.venue.pick'), 0, shape.counts.locations - 1))}`,
    values: [
      { account: eventAccount(scope, 'i'), first_day: eventFirstDay(scope, 'i'), type: `(${scope.text(words.kinds.types)})[${kind}]::"EventType"` },
      { attendees: `CASE WHEN loc.id IS NULL THEN ${between(scope.r('event.guests'), 20, 300)} ELSE ${between(scope.r('event.guests'), 'ceil(loc.capacity * 0.3)', 'loc.capacity')} END` },
    ],
    columns: {
      id: scope.id('events', 'i'),
      tenant_id: scope.tenant,
      account_id: `CASE WHEN account IS NOT NULL THEN ${scope.id('accounts', 'account')} END`,
      opportunity_id: 'p.id',
      location_id: 'loc.id',
      name: fillTemplate(templateOfKind(scope, 'events', kind, scope.r('event.name')), {
        account: `coalesce(${accountName(scope, 'account')}, ${literal(scope.run.tenantName)})`,
        city: `coalesce(loc.city, (${scope.text(words.cities.names)})[${accountCity(scope, 'coalesce(account, 0)')}])`,
        season: pick(scope.text(words.seasons), scope.r('event.season')),
        year: 'extract(year FROM first_day)::int',
      }),
      type: 'type',
      status: `CASE p.stage WHEN 'CLOSED_WON' THEN (CASE WHEN first_day < ${scope.day(scope.anchor)} THEN 'COMPLETED' ELSE 'CONFIRMED' END)::"EventStatus"
        WHEN 'CLOSED_LOST' THEN 'CANCELLED'::"EventStatus" WHEN 'PROPOSAL' THEN 'TENTATIVE'::"EventStatus" WHEN 'NEGOTIATION' THEN 'TENTATIVE'::"EventStatus"
        ELSE (CASE WHEN p.id IS NOT NULL THEN 'DRAFT'::"EventStatus" WHEN first_day < ${scope.day(scope.anchor)} THEN ${past} ELSE ${future} END) END`,
      expected_attendees: 'attendees',
      budget: sometimes(scope.r('event.budget'), 0.9, `coalesce(p.amount, GREATEST(500, round(${words.dealCents[0] / 100} * power(${words.dealCents[1] / words.dealCents[0]}, ${scope.r('event.budget.size')}) / 500) * 500))`),
      currency: `coalesce(p.currency, ${accountCurrency(scope, 'coalesce(account, 0)')})`,
      description: `${eventDateCount(scope, 'i')} || '-day ' || ${scheduleOf('type', 2)} || ' for about ' || attendees || ' guests at ' || coalesce(loc.name, 'a venue to be confirmed') || '.'`,
      owner_id: `coalesce(p.owner_id, ${scope.member(scope.r('event.owner'))})`,
      created_at: `LEAST(${scope.anchor}, coalesce(p.created_at + ${between(scope.r('event.created'), 1, 30)} * interval '1 day', ${scope.utc('first_day')} - ${between(scope.r('event.created'), 30, 180)} * interval '1 day'))`,
      updated_at: `LEAST(${scope.anchor}, ${scope.utc('first_day')} + interval '2 days')`,
    },
  };
}

/**
 * Each event's dates, on consecutive days from its first, at the local hour its type starts
 * (a wedding at 1 pm in the venue's time zone); a later day is sometimes elsewhere.
 */
export function eventDatesStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const [one, two, three] = words.dateLabels;
  return {
    table: 'event_dates',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.events - 1}) AS g(e)
      JOIN events ev ON ev.id = ${scope.id('events', 'e')}
      LEFT JOIN opportunities p ON p.id = ev.opportunity_id
      LEFT JOIN locations loc ON loc.id = ev.location_id
      CROSS JOIN LATERAL (SELECT ${eventDateCount(scope, 'e')}::int AS dates OFFSET 0) AS n
      CROSS JOIN LATERAL generate_series(0, dates - 1) AS d`,
    values: [{ i: 'e * 8 + d', day: `${eventFirstDay(scope, 'e')} + d` }],
    columns: {
      id: scope.id('event_dates', 'i'),
      tenant_id: scope.tenant,
      event_id: 'ev.id',
      location_id: `CASE WHEN d > 0 AND ${scope.r('date.elsewhere')} < 0.15 THEN ${scope.id('locations', between(scope.r('date.elsewhere.pick'), 0, shape.counts.locations - 1))} ELSE ev.location_id END`,
      label: `CASE dates WHEN 1 THEN (${scope.text(one)})[d + 1] WHEN 2 THEN (${scope.text(two)})[d + 1] WHEN 3 THEN (${scope.text(three)})[d + 1] ELSE 'Day ' || (d + 1) END`,
      starts_at: `(day + ${scheduleOf('ev.type', 0)} * interval '1 hour') AT TIME ZONE coalesce(loc.timezone, 'UTC')`,
      ends_at: `(day + (${scheduleOf('ev.type', 0)} + ${scheduleOf('ev.type', 1)} + ${between(scope.r('date.length'), -1, 2)}) * interval '1 hour') AT TIME ZONE coalesce(loc.timezone, 'UTC')`,
      created_at: 'ev.created_at',
      updated_at: 'ev.updated_at',
    },
  };
}
