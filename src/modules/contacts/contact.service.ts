import { type Contact } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { type Json } from '../entity/entity-delegate.js';
import { type WriteScope } from '../entity/entity-definition.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { notFound } from '../../errors/app-error.js';
import { ContactFilter, ContactOrder } from './contact.input.js';
import { ContactConnection } from './contact.type.js';

/** Every id must name an account of this tenant (the scoped query cannot see others'). */
async function assertAccountsExist(db: TenantDb, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await db.account.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw notFound('Account', missing.join(', '));
  }
}

/** The links a new contact gets: it becomes the primary contact of the first account if that has none. */
async function initialLinks(scope: WriteScope, accountIds: unknown): Promise<Json> {
  const links = [...new Set(Array.isArray(accountIds) ? (accountIds as string[]) : [])];
  if (links.length === 0) {
    return {};
  }
  await assertAccountsExist(scope.db, links);
  const hasPrimary = await scope.db.accountContact.count({ where: { accountId: links[0], isPrimary: true } });
  const primaryFor = hasPrimary === 0 ? links[0] : undefined;
  return { accounts: { create: links.map((accountId) => ({ accountId, tenantId: scope.tenantId, isPrimary: accountId === primaryFor })) } };
}

const on = whereOn('contact');

/** Contacts on the generic entity service; emails are kept lower-case, `accountIds` link a new contact. */
export const contactService = createEntityService<'contact', ContactFilter>({
  model: 'contact',
  defaultOrder: 'lastName',
  required: ['firstName', 'lastName'],
  users: ['ownerId'],
  where: (filter) =>
    on.all(on.search(filter.search, ['firstName', 'lastName', 'email']), filter.accountId ? { accounts: { some: { accountId: filter.accountId } } } : {}),
  async prepare(_next, data, scope, mode) {
    const { accountIds, ...fields } = data;
    const email = typeof fields.email === 'string' ? { email: fields.email.toLowerCase() } : {};
    const links = mode === 'create' ? await initialLinks(scope, accountIds) : {};
    return { ...fields, ...email, ...links };
  },
});

/** One contact of the tenant, or NOT_FOUND. */
export function getContact(db: TenantDb, id: string): Promise<Contact> {
  return contactService.get(db, id);
}

/** Contacts by id, batched per request. */
export const contactById = byIdLoader<Contact>('contact');

/** Contacts as the relation connections of other records list them. */
export const contactList = entityList(contactService, ContactConnection, ContactFilter, ContactOrder);
