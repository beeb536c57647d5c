import { type ControlClient } from '../../control/control-client.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { type Account, type Prisma } from '../../generated/tenant/client.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { paginate } from '../../graphql/pagination/paginate.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { assertTenantMember } from '../users/membership-guard.js';
import { AccountOrderField, type AccountsArgs, type CreateAccountInput, type UpdateAccountInput } from './account.input.js';
import { rethrowNotFound } from '../../graphql/prisma-errors.js';

function whereOf(filter: AccountsArgs['filter']): Prisma.AccountWhereInput {
  return {
    ...(filter?.search ? { name: { contains: filter.search, mode: 'insensitive' } } : {}),
    ...(filter?.type ? { type: filter.type } : {}),
    ...(filter?.ownerId ? { ownerId: filter.ownerId } : {}),
  };
}

/** A page of the tenant's accounts, keyset-paginated by the chosen order. */
export function listAccounts(db: TenantDb, args: AccountsArgs): Promise<Page<Account>> {
  return paginate<Account>({
    findMany: (query) => db.account.findMany(query),
    count: (query) => db.account.count(query),
    where: whereOf(args.filter),
    sortField: args.orderBy?.field ?? AccountOrderField.NAME,
    direction: args.orderBy?.direction ?? 'asc',
    first: args.first,
    after: args.after,
  });
}

export async function getAccount(db: TenantDb, id: string): Promise<Account> {
  const account = await db.account.findUnique({ where: { id } });
  if (!account) {
    throw notFound('Account', id);
  }
  return account;
}

/** Owner references must be members of this tenant (the control plane is asked). */
async function checkOwner(control: ControlClient, tenantId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId) {
    await assertTenantMember(control, tenantId, ownerId, 'ownerId');
  }
}

export async function createAccount(db: TenantDb, control: ControlClient, tenantId: string, input: CreateAccountInput): Promise<Account> {
  await checkOwner(control, tenantId, input.ownerId);
  return db.account.create({ data: { ...input, name: input.name.trim(), type: input.type ?? undefined, tenantId } });
}

export async function updateAccount(db: TenantDb, control: ControlClient, tenantId: string, id: string, input: UpdateAccountInput): Promise<Account> {
  await checkOwner(control, tenantId, input.ownerId);
  const { name, type, ...nullable } = input;
  if (name === null || type === null) {
    throw badInput('name and type cannot be cleared; omit them to keep the current value');
  }
  const data: Prisma.AccountUpdateInput = { ...nullable, name: name?.trim(), type };
  return rethrowNotFound(db.account.update({ where: { id }, data }), 'Account', id);
}

/** Deletes an account and its contact links; refused while opportunities, quotes or invoices point at it. */
export function deleteAccount(db: TenantDb, id: string): Promise<Account> {
  return rethrowNotFound(db.account.delete({ where: { id } }), 'Account', id);
}
