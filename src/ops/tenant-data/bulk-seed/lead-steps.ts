import { type InsertStep } from './insert-step.js';
import {
  accountCity, accountCreatedAt, accountCurrency, accountName, accountOwner, contactCreatedAt, contactIdentity, homeAccount, otherAccount, position,
} from './crm-formulas.js';
import { fillTemplate, saleKind, templateOfKind } from './name-templates.js';
import { type SeedShape } from './seed-shape.js';
import { type StepScope } from './step-scope.js';
import { between, literal, pick, sometimes, weighted, weightedEnum } from './sql-random.js';

/** Leads that became a contact, and how many of those also opened the deal they became. */
export function convertedLeads(shape: SeedShape): { converted: number; withDeal: number } {
  const { leads, opportunities } = shape.counts;
  const converted = Math.round(leads * 0.15);
  return { converted, withDeal: Math.max(0, Math.min(converted, Math.round(opportunities * 0.12), opportunities - shape.key.opportunities)) };
}

/**
 * The contact converted lead `l` became: any contact but the key account's (so the key account's
 * deals stay the first ones), and some conversions joined a contact another lead had become.
 */
function convertedContact(scope: StepScope, l: string): string {
  const { counts, key } = scope.run.shape;
  return between(scope.r('lead.contact', l), Math.min(key.contacts, counts.contacts - 1), counts.contacts - 1);
}

const SCORES = { NEW: [5, 40], CONTACTED: [20, 60], QUALIFIED: [55, 90], CONVERTED: [70, 100], DISQUALIFIED: [0, 25] } as const;

/**
 * Leads; the first ones are converted: each carries the name and email of the contact it became,
 * the company of that contact's account, and (for the first of them) the deal it opened. The
 * others are at earlier stages, from companies that are not accounts yet.
 */
export function leadsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const { converted, withDeal } = convertedLeads(shape);
  const person = contactIdentity(scope, 'cc');
  const first = position(scope.r('lead.first'), words.firstNames.words.length);
  const last = position(scope.r('lead.last'), words.lastNames.words.length);
  const company = [position(scope.r('lead.company.first'), words.accountFirst.words.length), position(scope.r('lead.company.second'), words.accountSecond.words.length)];
  const companyName = `(${scope.text(words.accountFirst.words)})[${company[0]}] || ' ' || (${scope.text(words.accountSecond.words)})[${company[1]}]`;
  // A lead from no company in particular writes from a personal mailbox.
  const companyDomain = `CASE WHEN has_company THEN (${scope.text(words.accountFirst.slugs)})[${company[0]}] || (${scope.text(words.accountSecond.slugs)})[${company[1]}] || ${literal(`.${words.tld}`)}
    ELSE ${pick(scope.text(words.personalMailDomains), scope.r('lead.mailbox'))} END`;
  const status = weightedEnum(scope.r('lead.status'), '"LeadStatus"', [['NEW', 7], ['CONTACTED', 6], ['QUALIFIED', 3], ['DISQUALIFIED', 4]]);
  const score = (bounds: readonly [number, number]) => between(scope.r('lead.score'), bounds[0], bounds[1]);
  return {
    table: 'leads',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.leads - 1}) AS g(i)`,
    values: [
      { converted: `i < ${converted}`, cc: convertedContact(scope, 'i'), has_company: `${scope.r('lead.company')} < 0.9` },
      { home: homeAccount(scope, 'cc'), status: `CASE WHEN converted THEN 'CONVERTED'::"LeadStatus" ELSE ${status} END`, joined: contactCreatedAt(scope, 'cc') },
      { created: `CASE WHEN converted THEN joined - ${between(scope.r('lead.before'), 5, 60)} * interval '1 day' ELSE ${scope.daysAgo(1500, scope.r('lead.created'))} END` },
    ],
    columns: {
      id: scope.id('leads', 'i'),
      tenant_id: scope.tenant,
      first_name: `CASE WHEN converted THEN ${person.firstName} ELSE (${scope.text(words.firstNames.words)})[${first}] END`,
      last_name: `CASE WHEN converted THEN ${person.lastName} ELSE (${scope.text(words.lastNames.words)})[${last}] END`,
      email: `CASE WHEN converted THEN ${sometimes(scope.r('contact.email', 'cc'), 0.93, person.email)}
        ELSE ${sometimes(scope.r('lead.email'), 0.85, `(${scope.text(words.firstNames.slugs)})[${first}] || '.' || (${scope.text(words.lastNames.slugs)})[${last}] || '@' || ${companyDomain}`)} END`,
      company: `CASE WHEN converted THEN ${accountName(scope, 'home')} WHEN has_company THEN ${companyName} END`,
      source: weightedEnum(scope.r('lead.source'), '"LeadSource"', [['WEB', 4], ['REFERRAL', 3], ['EVENT', 2], ['OUTBOUND', 2], ['PARTNER', 1], ['OTHER', 1]]),
      status: 'status',
      score: `CASE status ${Object.entries(SCORES).map(([name, bounds]) => `WHEN '${name}' THEN ${score(bounds)}`).join(' ')} END`,
      owner_id: `CASE WHEN converted THEN ${accountOwner(scope, 'home')} ELSE ${scope.member(scope.r('lead.owner'))} END`,
      converted_account_id: `CASE WHEN converted THEN ${scope.id('accounts', 'home')} END`,
      converted_contact_id: `CASE WHEN converted THEN ${scope.id('contacts', 'cc')} END`,
      converted_opportunity_id: `CASE WHEN i < ${withDeal} THEN ${scope.id('opportunities', `${shape.key.opportunities} + i`)} END`,
      created_at: 'created',
      updated_at: `CASE WHEN converted THEN joined ELSE ${scope.recentSince('created', scope.r('lead.updated'))} END`,
    },
  };
}

/**
 * The account of opportunity `o`: the key account's deals come first, then those converted leads
 * opened (at the account of the contact the lead became), then other accounts' deals.
 */
export function opportunityAccount(scope: StepScope, o: string): string {
  const keyDeals = scope.run.shape.key.opportunities;
  const { withDeal } = convertedLeads(scope.run.shape);
  return `(CASE WHEN ${o} < ${keyDeals} THEN 0::bigint WHEN ${o} < ${keyDeals + withDeal} THEN ${homeAccount(scope, convertedContact(scope, `${o} - ${keyDeals}`))}
    ELSE ${otherAccount(scope, scope.r('opp.account', o))} END)`;
}

const PROBABILITY = { PROSPECTING: 10, QUALIFICATION: 25, PROPOSAL: 50, NEGOTIATION: 75, CLOSED_WON: 100, CLOSED_LOST: 0 } as const;

/**
 * Opportunities: the key account's first, then the deals converted leads opened, then deals of
 * other accounts. Deals older than eight months are closed (won more often than lost); younger
 * ones are spread over the pipeline. Closed deals have their close date, open ones an expected one.
 */
export function opportunitiesStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const keyDeals = shape.key.opportunities;
  const { withDeal } = convertedLeads(shape);
  const [minCents, maxCents] = words.dealCents;
  const lead = `i - ${keyDeals}`;
  const fromLead = `i >= ${keyDeals} AND i < ${keyDeals + withDeal}`;
  const openStage = weightedEnum(scope.r('opp.stage'), '"OpportunityStage"', [['PROSPECTING', 25], ['QUALIFICATION', 20], ['PROPOSAL', 20], ['NEGOTIATION', 12], ['CLOSED_WON', 20], ['CLOSED_LOST', 8]]);
  return {
    table: 'opportunities',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.opportunities - 1}) AS g(i)`,
    values: [
      { account: opportunityAccount(scope, 'i') },
      { created: `CASE WHEN ${fromLead} THEN ${contactCreatedAt(scope, convertedContact(scope, lead))} ELSE ${scope.recentSince(accountCreatedAt(scope, 'account'), scope.r('opp.created'))} END` },
      { stage: `CASE WHEN ${scope.anchor} - created > interval '240 days' THEN ${weightedEnum(scope.r('opp.outcome'), '"OpportunityStage"', [['CLOSED_WON', 7], ['CLOSED_LOST', 3]])} ELSE ${openStage} END` },
      { closed: `stage IN ('CLOSED_WON', 'CLOSED_LOST')` },
      { close: `CASE WHEN closed THEN LEAST(created + ${between(scope.r('opp.cycle'), 20, 120)} * interval '1 day', ${scope.anchor} - interval '1 day') ELSE ${scope.anchor} + ${between(scope.r('opp.cycle'), 10, 150)} * interval '1 day' END` },
    ],
    columns: {
      id: scope.id('opportunities', 'i'),
      tenant_id: scope.tenant,
      account_id: scope.id('accounts', 'account'),
      lead_id: `CASE WHEN ${fromLead} THEN ${scope.id('leads', lead)} END`,
      name: fillTemplate(templateOfKind(scope, 'deals', saleKind(scope, 'i'), scope.r('opp.name')), {
        account: accountName(scope, 'account'),
        city: `(${scope.text(words.cities.names)})[${accountCity(scope, 'account')}]`,
        season: pick(scope.text(words.seasons), scope.r('opp.season')),
        year: `extract(year FROM close)::int`,
      }),
      stage: 'stage',
      // Log-uniform between the flavour's smallest and largest deal, rounded to 500 as a quote would be.
      amount: `GREATEST(500, round(${minCents / 100} * power(${maxCents / minCents}, ${scope.r('opp.amount')}) / 500) * 500)`,
      currency: accountCurrency(scope, 'account'),
      probability: `CASE stage ${Object.entries(PROBABILITY).map(([name, chance]) => `WHEN '${name}' THEN ${chance}`).join(' ')} END`,
      expected_close_date: scope.day('close'),
      owner_id: weighted(scope.r('opp.owner'), [[accountOwner(scope, 'account'), 4], [scope.member(scope.r('opp.owner.other')), 1]]),
      created_at: 'created',
      updated_at: `CASE WHEN closed THEN close ELSE ${scope.recentSince('created', scope.r('opp.updated'))} END`,
    },
  };
}
