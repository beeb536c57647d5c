import type DataLoader from 'dataloader';
import { type Account, type AccountContact, type Contact } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { groupByKey } from '../../graphql/loaders.js';

export type LinkWithContact = AccountContact & { contact: Contact };
export type LinkWithAccount = AccountContact & { account: Account };

/**
 * Links of many accounts in one query per request. Linked rows are checked against the link's
 * tenant as a second wall: the scope extension filters the links, the check filters what they join.
 */
export function contactLinksByAccount(context: RequestContext): DataLoader<string, LinkWithContact[]> {
  return context.loaders.get('account.contactLinks', async (accountIds) => {
    const db = await context.tenantDb();
    const links = await db.accountContact.findMany({
      where: { accountId: { in: [...accountIds] } },
      include: { contact: true },
      orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
    });
    const own = links.filter((link) => link.contact.tenantId === link.tenantId);
    return groupByKey(accountIds, own, (link) => link.accountId);
  });
}

/** Links of many contacts in one query per request (see {@link contactLinksByAccount}). */
export function accountLinksByContact(context: RequestContext): DataLoader<string, LinkWithAccount[]> {
  return context.loaders.get('contact.accountLinks', async (contactIds) => {
    const db = await context.tenantDb();
    const links = await db.accountContact.findMany({
      where: { contactId: { in: [...contactIds] } },
      include: { account: true },
      orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
    });
    const own = links.filter((link) => link.account.tenantId === link.tenantId);
    return groupByKey(contactIds, own, (link) => link.contactId);
  });
}
