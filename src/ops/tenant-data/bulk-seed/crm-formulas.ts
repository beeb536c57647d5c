import { type StepScope } from './step-scope.js';
import { between, literal, pick } from './sql-random.js';

/**
 * Account and contact attributes as formulas of their index, so any table can recompute them
 * without reading the row: who a contact works for, an account's currency (accounts have no
 * currency column), its email domain, city and owner. Each takes the index as SQL (`i`, or a
 * value computed from it) and uses the same draws wherever it is called.
 */

/** A 1-based position in a list of `length` for the draw `r`. */
export function position(r: string, length: number): string {
  return `(1 + floor(${r} * ${length})::int)`;
}

/**
 * An account other than the key account (index 0) for the draw `r`. Low indexes come up more
 * often, and every table uses this, so the accounts with many contacts also have many deals,
 * events and invoices, as big customers do.
 */
export function otherAccount(scope: StepScope, r: string): string {
  return `(1 + floor(power(${r}, 1.5) * ${scope.run.shape.counts.accounts - 1})::bigint)`;
}

/** The account contact `c` works for: the key account's contacts are the first ones. */
export function homeAccount(scope: StepScope, c: string): string {
  return `(CASE WHEN ${c} < ${scope.run.shape.key.contacts} THEN 0::bigint ELSE ${otherAccount(scope, scope.r('contact.home', c))} END)`;
}

/** The currency account `a` deals in: the flavour's own, a second one for some accounts. */
export function accountCurrency(scope: StepScope, a: string): string {
  const { currency, altCurrency } = scope.run.vocabulary;
  return `(CASE WHEN ${a} <> 0 AND ${scope.r('account.currency', a)} < 0.15 THEN ${literal(altCurrency)} ELSE ${literal(currency)} END)`;
}

/** Positions of account `a`'s name words in the vocabulary lists (its name and domain share them). */
export function accountWords(scope: StepScope, a: string): { first: string; second: string } {
  const { accountFirst, accountSecond } = scope.run.vocabulary;
  return {
    first: position(scope.r('account.first', a), accountFirst.words.length),
    second: position(scope.r('account.second', a), accountSecond.words.length),
  };
}

/**
 * The name of account `a`: one of the flavour's word pairs, sometimes after a prefix or followed
 * by a branch's city; account 0 is the key account.
 */
export function accountName(scope: StepScope, a: string): string {
  const { vocabulary: words, keyAccountName } = scope.run;
  const { first, second } = accountWords(scope, a);
  const name = [
    `(CASE WHEN ${scope.r('account.prefix', a)} < 0.35 THEN ${pick(scope.text(words.accountPrefixes), scope.r('account.prefix.word', a))} || ' ' ELSE '' END)`,
    `(${scope.text(words.accountFirst.words)})[${first}] || ' ' || (${scope.text(words.accountSecond.words)})[${second}]`,
    `(CASE WHEN ${scope.r('account.branch', a)} < 0.25 THEN ' ' || (${scope.text(words.cities.names)})[${accountCity(scope, a)}] ELSE '' END)`,
  ].join(' || ');
  return `(CASE WHEN ${a} = 0 THEN ${literal(keyAccountName)} ELSE ${name} END)`;
}

/** The email domain of account `a`, e.g. `northwindbeverages.com`. */
export function accountDomain(scope: StepScope, a: string): string {
  const { accountFirst, accountSecond, tld } = scope.run.vocabulary;
  const words = accountWords(scope, a);
  const domain = `(${scope.text(accountFirst.slugs)})[${words.first}] || (${scope.text(accountSecond.slugs)})[${words.second}] || ${literal(`.${tld}`)}`;
  return `(CASE WHEN ${a} = 0 THEN ${literal(scope.run.keyAccountDomain)} ELSE ${domain} END)`;
}

/** Position of account `a`'s city in the flavour's cities. */
export function accountCity(scope: StepScope, a: string): string {
  return position(scope.r('account.city', a), scope.run.vocabulary.cities.names.length);
}

/** The member who owns account `a` (and, mostly, what hangs off it). */
export function accountOwner(scope: StepScope, a: string): string {
  return scope.member(scope.r('account.owner', a));
}

/** When account `a` was created: up to eight years back; the key account six years ago. */
export function accountCreatedAt(scope: StepScope, a: string): string {
  return `(CASE WHEN ${a} = 0 THEN ${scope.anchor} - interval '2190 days' ELSE ${scope.daysAgo(2900, scope.r('account.created', a))} END)`;
}

/** Contact `c`'s name and email. Emails are unique: the number in them continues after the tenant's highest. */
export function contactIdentity(scope: StepScope, c: string): { firstName: string; lastName: string; email: string } {
  const { firstNames, lastNames } = scope.run.vocabulary;
  const first = position(scope.r('contact.first', c), firstNames.words.length);
  const last = position(scope.r('contact.last', c), lastNames.words.length);
  const number = `(${scope.run.starts.email} + ${c})`;
  return {
    firstName: `(${scope.text(firstNames.words)})[${first}]`,
    lastName: `(${scope.text(lastNames.words)})[${last}]`,
    email: `(${scope.text(firstNames.slugs)})[${first}] || '.' || (${scope.text(lastNames.slugs)})[${last}] || ${number} || '@' || ${accountDomain(scope, homeAccount(scope, c))}`,
  };
}

/** When contact `c` was added: after its account, more often recently. */
export function contactCreatedAt(scope: StepScope, c: string): string {
  return scope.recentSince(accountCreatedAt(scope, homeAccount(scope, c)), scope.r('contact.created', c));
}

/** A phone number in the international format of the city at position `city`; US ones in the 555-01xx range kept for fiction. */
export function phoneNumber(scope: StepScope, city: string, purpose: string, index: string): string {
  const dial = `(${scope.text(scope.run.vocabulary.cities.dialCodes)})[${city}]`;
  const digits = (n: number, width: number) => `lpad(${between(scope.r(`${purpose}.${n}`, index), 0, 10 ** width - 1)}::text, ${width}, '0')`;
  const area = (lo: number, hi: number) => between(scope.r(`${purpose}.area`, index), lo, hi);
  return `(CASE WHEN ${dial} = '+1' THEN '+1 ' || ${area(201, 989)} || ' 555 01' || ${digits(1, 2)}
    ELSE ${dial} || ' ' || ${area(20, 99)} || ' ' || ${digits(1, 4)} || ' ' || ${digits(2, 4)} END)`;
}
