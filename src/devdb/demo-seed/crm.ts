import { type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type City } from './flavours/index.js';
import { centsToDecimal } from './money.js';
import { addDays, earlier } from './time.js';
import { phoneFor, slugify } from './text.js';
import { PERSONAL_MAIL_DOMAINS } from './vocabulary.js';

/** What later builders need to know about an account beyond its row. */
export interface AccountInfo {
  id: string;
  name: string;
  domain: string;
  /** A couple or family rather than a business (only some flavours have them). */
  isPrivate: boolean;
  currency: string;
  city: City;
  ownerId: string | null;
  createdAt: Date;
  contactIds: string[];
}

/** Accounts plus business names left over for leads, all distinct within the tenant. */
export interface AccountsResult {
  rows: Prisma.AccountCreateManyInput[];
  accounts: AccountInfo[];
  spareCompanyNames: string[];
}

/**
 * 24–34 accounts whose names are distinct pairs from the flavour's word lists; the unused pairs
 * name the companies of leads, so a lead is never mistaken for an existing account.
 */
export function buildAccounts(ctx: SeedContext): AccountsResult {
  const { rng, flavour } = ctx;
  const pairs = rng.shuffle(flavour.accountFirst.flatMap((first) => flavour.accountSecond.map((second) => ({
    name: `${first} ${second}`,
    isPrivate: flavour.privateClients.includes(second),
  }))));
  const count = rng.int(24, 34);
  const accounts: AccountInfo[] = [];
  const rows = pairs.slice(0, count).map(({ name, isPrivate }): Prisma.AccountCreateManyInput => {
    const city = rng.pick(flavour.cities);
    const createdAt = addDays(ctx.anchor, -rng.int(120, 720) - rng.float());
    // Private clients write from personal mailboxes; businesses from their company domain.
    const domain = isPrivate ? rng.pick(PERSONAL_MAIL_DOMAINS) : `${slugify(name, '')}.${flavour.tld}`;
    const info: AccountInfo = {
      id: ctx.ids.next('accounts'),
      name,
      domain,
      isPrivate,
      currency: rng.chance(0.15) ? flavour.altCurrency : flavour.currency,
      city,
      ownerId: ctx.person(),
      createdAt,
      contactIds: [],
    };
    accounts.push(info);
    return {
      id: info.id,
      tenantId: ctx.tenantId,
      name,
      type: isPrivate
        ? rng.weighted([['CUSTOMER', 3], ['PROSPECT', 1]] as const)
        : rng.weighted([['CUSTOMER', 5], ['PROSPECT', 3], ['PARTNER', 1], ['VENDOR', 1]] as const),
      industry: isPrivate ? 'Private client' : rng.pick(flavour.industries),
      website: !isPrivate && rng.chance(0.85) ? `https://www.${info.domain}` : null,
      phone: phoneFor(rng, city.country),
      city: city.city,
      country: city.country,
      annualRevenue: !isPrivate && rng.chance(0.8) ? centsToDecimal(rng.int(5_000, 900_000) * 100_000) : null,
      employeeCount: !isPrivate && rng.chance(0.85) ? rng.int(8, 12_000) : null,
      ownerId: info.ownerId,
      createdAt,
      updatedAt: earlier(addDays(createdAt, rng.int(0, 90)), ctx.anchor),
    };
  });
  const spareCompanyNames = pairs.slice(count).filter((pair) => !pair.isPrivate).map((pair) => pair.name);
  return { rows, accounts, spareCompanyNames };
}
