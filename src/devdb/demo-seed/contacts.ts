import { type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { addDays, earlier } from './time.js';
import { phoneFor, slugify } from './text.js';
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './vocabulary.js';

/** Contacts and their links to accounts. */
export interface ContactsResult {
  contacts: Prisma.ContactCreateManyInput[];
  links: Prisma.AccountContactCreateManyInput[];
}

/**
 * 1–3 contacts per account (at least 40 in all), each linked to its account; the first one linked
 * is the account's primary. A few contacts also sit on a second account, as consultants and
 * planners do in real CRMs. Fills `AccountInfo.contactIds`.
 */
export function buildContacts(ctx: SeedContext, accounts: AccountInfo[]): ContactsResult {
  const { rng, flavour } = ctx;
  const perAccount = accounts.map(() => 1 + (rng.chance(0.8) ? 1 : 0) + (rng.chance(0.35) ? 1 : 0));
  for (let total = sum(perAccount); total < 40; total += 1) {
    const index = rng.int(0, accounts.length - 1);
    perAccount[index] = (perAccount[index] ?? 0) + 1;
  }
  const emails = new Set<string>();
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const links: Prisma.AccountContactCreateManyInput[] = [];
  accounts.forEach((account, accountIndex) => {
    for (let n = 0; n < (perAccount[accountIndex] ?? 1); n += 1) {
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      const createdAt = earlier(addDays(account.createdAt, rng.int(0, 120)), ctx.anchor);
      const id = ctx.ids.next('contacts');
      contacts.push({
        id,
        tenantId: ctx.tenantId,
        firstName,
        lastName,
        email: uniqueEmail(emails, `${slugify(firstName, '')}.${slugify(lastName, '')}`, account.domain),
        phone: rng.chance(0.75) ? phoneFor(rng, account.city.country) : null,
        title: !account.isPrivate && rng.chance(0.9) ? rng.pick(JOB_TITLES) : null,
        ownerId: account.ownerId,
        createdAt,
        updatedAt: earlier(addDays(createdAt, rng.int(0, 60)), ctx.anchor),
      });
      account.contactIds.push(id);
      const role = n === 0 ? flavour.contactRoles[0] : rng.pick(flavour.contactRoles.slice(1));
      links.push(link(ctx, account.id, id, role ?? null, n === 0, createdAt));
    }
  });
  for (const contact of rng.sample(contacts, Math.round(contacts.length / 10))) {
    const home = links.find((l) => l.contactId === contact.id)?.accountId;
    const other = rng.pick(accounts.filter((a) => a.id !== home));
    const createdAt = earlier(addDays(other.createdAt, rng.int(5, 60)), ctx.anchor);
    links.push(link(ctx, other.id, contact.id as string, rng.pick(flavour.contactRoles.slice(1)), false, createdAt));
  }
  return { contacts, links };
}

function link(
  ctx: SeedContext,
  accountId: string,
  contactId: string,
  role: string | null,
  isPrimary: boolean,
  createdAt: Date,
): Prisma.AccountContactCreateManyInput {
  const id = ctx.ids.next('account_contacts');
  return { id, tenantId: ctx.tenantId, accountId, contactId, role, isPrimary, createdAt };
}

function uniqueEmail(taken: Set<string>, local: string, domain: string): string {
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n += 1) {
    email = `${local}${n}@${domain}`;
  }
  taken.add(email);
  return email;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
