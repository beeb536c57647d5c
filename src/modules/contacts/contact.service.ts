import { type ControlClient } from '../../control/control-client.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { type Contact, type Prisma } from '../../generated/tenant/client.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { paginate } from '../../graphql/pagination/paginate.js';
import { rethrowNotFound } from '../../graphql/prisma-errors.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { assertTenantMember } from '../users/membership-guard.js';
import { ContactOrderField, type ContactsArgs, type CreateContactInput, type UpdateContactInput } from './contact.input.js';

function whereOf(filter: ContactsArgs['filter']): Prisma.ContactWhereInput {
  const search = filter?.search;
  return {
    ...(search
      ? {
          OR: [
            { firstName: { contains: search, mode: 'insensitive' } },
            { lastName: { contains: search, mode: 'insensitive' } },
            { email: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter?.accountId ? { accounts: { some: { accountId: filter.accountId } } } : {}),
  };
}

export function listContacts(db: TenantDb, args: ContactsArgs): Promise<Page<Contact>> {
  return paginate<Contact>({
    findMany: (query) => db.contact.findMany(query),
    count: (query) => db.contact.count(query),
    where: whereOf(args.filter),
    sortField: args.orderBy?.field ?? ContactOrderField.LAST_NAME,
    direction: args.orderBy?.direction ?? 'asc',
    first: args.first,
    after: args.after,
  });
}

export async function getContact(db: TenantDb, id: string): Promise<Contact> {
  const contact = await db.contact.findUnique({ where: { id } });
  if (!contact) {
    throw notFound('Contact', id);
  }
  return contact;
}

/** Every id must name an account of this tenant (the scoped query cannot see others'). */
export async function assertAccountsExist(db: TenantDb, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await db.account.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw notFound('Account', missing.join(', '));
  }
}

export async function createContact(db: TenantDb, control: ControlClient, tenantId: string, input: CreateContactInput): Promise<Contact> {
  const { accountIds, ...fields } = input;
  if (fields.ownerId) {
    await assertTenantMember(control, tenantId, fields.ownerId, 'ownerId');
  }
  const links = [...new Set(accountIds ?? [])];
  let primaryFor: string | undefined;
  if (links.length > 0) {
    await assertAccountsExist(db, links);
    const hasPrimary = await db.accountContact.count({ where: { accountId: links[0], isPrimary: true } });
    primaryFor = hasPrimary === 0 ? links[0] : undefined;
  }
  return db.contact.create({
    data: {
      ...fields,
      email: fields.email?.toLowerCase() ?? null,
      tenantId,
      accounts: links.length ? { create: links.map((accountId) => ({ accountId, tenantId, isPrimary: accountId === primaryFor })) } : undefined,
    },
  });
}

export async function updateContact(db: TenantDb, control: ControlClient, tenantId: string, id: string, input: UpdateContactInput): Promise<Contact> {
  if (input.ownerId) {
    await assertTenantMember(control, tenantId, input.ownerId, 'ownerId');
  }
  const { firstName, lastName, ...nullable } = input;
  if (firstName === null || lastName === null) {
    throw badInput('firstName and lastName cannot be cleared');
  }
  const data: Prisma.ContactUpdateInput = { ...nullable, firstName, lastName };
  if (nullable.email) {
    data.email = nullable.email.toLowerCase();
  }
  return rethrowNotFound(db.contact.update({ where: { id }, data }), 'Contact', id);
}

export function deleteContact(db: TenantDb, id: string): Promise<Contact> {
  return rethrowNotFound(db.contact.delete({ where: { id } }), 'Contact', id);
}
