import { type InsertStep } from './insert-step.js';
import {
  accountCity, accountCreatedAt, accountDomain, accountName, accountOwner, contactCreatedAt, contactIdentity, homeAccount, phoneNumber,
} from './crm-formulas.js';
import { type StepScope } from './step-scope.js';
import { between, pick, sometimes, weightedEnum } from './sql-random.js';

/** Share of contacts who also sit on a second account (consultants, planners, group buyers). */
const SECOND_ACCOUNT_SHARE = 0.1;

/** Accounts, account 0 being the key account; every one a business (see `accountName`). */
export function accountsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const city = (list: readonly (string | null)[]) => `(${scope.text(list)})[city]`;
  return {
    table: 'accounts',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.accounts - 1}) AS g(i)`,
    values: [{ city: accountCity(scope, 'i'), created: accountCreatedAt(scope, 'i') }],
    columns: {
      id: scope.id('accounts', 'i'),
      tenant_id: scope.tenant,
      name: accountName(scope, 'i'),
      type: `(CASE WHEN i = 0 THEN 'CUSTOMER'::"AccountType" ELSE ${weightedEnum(scope.r('account.type'), '"AccountType"', [['CUSTOMER', 5], ['PROSPECT', 3], ['PARTNER', 1], ['VENDOR', 1]])} END)`,
      industry: sometimes(scope.r('account.industry'), 0.92, pick(scope.text(words.industries), scope.r('account.industry.pick'))),
      website: sometimes(scope.r('account.website'), 0.8, `'https://www.' || ${accountDomain(scope, 'i')}`),
      phone: sometimes(scope.r('account.phone'), 0.9, phoneNumber(scope, 'city', 'account.phone', 'i')),
      city: city(words.cities.names),
      country: city(words.cities.countries),
      // Log-uniform: most accounts are small, a few are very large.
      annual_revenue: sometimes(scope.r('account.revenue'), 0.75, `round(power(10, 5 + 4.5 * ${scope.r('account.revenue.size')}) / 1000) * 1000`),
      employee_count: sometimes(scope.r('account.staff'), 0.8, `floor(power(10, 0.7 + 4 * ${scope.r('account.staff.size')}))::int`),
      owner_id: accountOwner(scope, 'i'),
      created_at: 'created',
      updated_at: scope.recentSince('created', scope.r('account.updated')),
    },
  };
}

/** Contacts, each working for one account (see `homeAccount`); the key account's come first. */
export function contactsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const identity = contactIdentity(scope, 'i');
  return {
    table: 'contacts',
    scope,
    keyRows: shape.key.contacts,
    from: `generate_series(0::bigint, ${shape.counts.contacts - 1}) AS g(i)`,
    values: [{ home: homeAccount(scope, 'i') }, { city: accountCity(scope, 'home'), created: contactCreatedAt(scope, 'i') }],
    columns: {
      id: scope.id('contacts', 'i'),
      tenant_id: scope.tenant,
      first_name: identity.firstName,
      last_name: identity.lastName,
      email: sometimes(scope.r('contact.email'), 0.93, identity.email),
      phone: sometimes(scope.r('contact.phone'), 0.7, phoneNumber(scope, 'city', 'contact.phone', 'i')),
      title: sometimes(scope.r('contact.title'), 0.85, pick(scope.text(words.jobTitles), scope.r('contact.title.pick'))),
      owner_id: accountOwner(scope, 'home'),
      created_at: 'created',
      updated_at: scope.recentSince('created', scope.r('contact.updated')),
    },
  };
}

/**
 * Every contact linked to the account it works for, and some to a second one. The first link of
 * each account (its own contacts before visitors, then by contact) is its primary contact, so an
 * account with contacts has exactly one primary.
 */
export function accountContactsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const accounts = shape.counts.accounts;
  const home = homeAccount(scope, 'c');
  const links = `(SELECT c, k, c * 2 + k AS i, a, row_number() OVER (PARTITION BY a ORDER BY k, c) = 1 AS is_primary
      FROM generate_series(0::bigint, ${shape.counts.contacts - 1}) AS g(c)
      CROSS JOIN LATERAL generate_series(0, CASE WHEN ${scope.r('link.second', 'c')} < ${SECOND_ACCOUNT_SHARE} THEN 1 ELSE 0 END) AS k
      CROSS JOIN LATERAL (SELECT CASE WHEN k = 0 THEN ${home} ELSE (${home} + ${between(scope.r('link.other', 'c'), 1, accounts - 1)}) % ${accounts} END AS a OFFSET 0) AS linked) AS l`;
  const roles = scope.text(words.contactRoles);
  return {
    table: 'account_contacts',
    scope,
    from: links,
    columns: {
      id: scope.id('account_contacts', 'i'),
      tenant_id: scope.tenant,
      account_id: scope.id('accounts', 'a'),
      contact_id: scope.id('contacts', 'c'),
      role: `(CASE WHEN is_primary THEN (${roles})[1] ELSE ${pick(`(${roles})[2:]`, scope.r('link.role'))} END)`,
      is_primary: 'is_primary',
      created_at: `LEAST(${scope.anchor}, ${contactCreatedAt(scope, 'c')} + k * ${between(scope.r('link.later', 'c'), 5, 400)} * interval '1 day')`,
    },
  };
}
