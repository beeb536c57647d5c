import { type Account } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { AccountFilter, AccountOrder } from './account.input.js';
import { AccountConnection } from './account.type.js';

const on = whereOn('account');

/** Accounts on the generic entity service: only their filter and rules are their own. */
export const accountService = createEntityService<'account', AccountFilter>({
  model: 'account',
  defaultOrder: 'name',
  required: ['name', 'type'],
  users: ['ownerId'],
  where: (filter) => on.all(on.search(filter.search, ['name']), on.equals('type', filter.type), on.equals('ownerId', filter.ownerId)),
  prepare: (_next, data) => (typeof data.name === 'string' ? { ...data, name: data.name.trim() } : data),
});

/** One account of the tenant, or NOT_FOUND. */
export function getAccount(db: TenantDb, id: string): Promise<Account> {
  return accountService.get(db, id);
}

/** Accounts by id, batched per request. */
export const accountById = byIdLoader<Account>('account');

/** Accounts as the relation connections of other records list them. */
export const accountList = entityList(accountService, AccountConnection, AccountFilter, AccountOrder);
