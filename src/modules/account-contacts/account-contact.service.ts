import { notFound } from '../../errors/app-error.js';
import { type AccountContact } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { getAccount } from '../accounts/account.service.js';
import { getContact } from '../contacts/contact.service.js';
import { type LinkContactInput } from './account-contact.input.js';

/**
 * Links a contact to an account (or updates the link's role and primary flag). Both rows are read
 * through the tenant-scoped client first, so ids of another tenant are NOT_FOUND. Setting a new
 * primary unsets the old one in the same transaction.
 */
export async function linkContact(db: TenantDb, tenantId: string, input: LinkContactInput): Promise<AccountContact> {
  await Promise.all([getAccount(db, input.accountId), getContact(db, input.contactId)]);
  return db.$transaction(async (tx) => {
    if (input.isPrimary) {
      await tx.accountContact.updateMany({ where: { accountId: input.accountId, isPrimary: true }, data: { isPrimary: false } });
    }
    return tx.accountContact.upsert({
      where: { tenantId_accountId_contactId: { tenantId, accountId: input.accountId, contactId: input.contactId } },
      create: { tenantId, accountId: input.accountId, contactId: input.contactId, role: input.role ?? null, isPrimary: input.isPrimary ?? false },
      update: { role: input.role, isPrimary: input.isPrimary ?? undefined },
    });
  });
}

export async function unlinkContact(db: TenantDb, accountId: string, contactId: string): Promise<boolean> {
  const { count } = await db.accountContact.deleteMany({ where: { accountId, contactId } });
  if (count === 0) {
    throw notFound('AccountContact', `${accountId}/${contactId}`);
  }
  return true;
}
