import { type Contract } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { ContractFilter, ContractOrder } from './contract.input.js';
import { ContractConnection } from './contract.type.js';

const on = whereOn('contract');

/** Contracts on the generic entity service; a contract may not end before it begins. */
export const contractService = createEntityService<'contract', ContractFilter>({
  model: 'contract',
  defaultOrder: 'number',
  nullableOrder: ['endsOn'],
  required: ['accountId', 'number', 'value', 'startsOn', 'status', 'currency'],
  references: referencesOf('accountId', 'quoteId', 'eventId'),
  where: (filter) =>
    on.all(
      on.search(filter.search, ['number']),
      ...on.each(filter, 'status', 'accountId', 'quoteId', 'eventId'),
      on.amount('value', filter.value),
      on.date('startsOn', filter.startsOn),
    ),
  prepare: (next, data) => {
    assertDateOrder(next, 'startsOn', 'endsOn');
    return data;
  },
});

/** Contracts by id and by account, event and quote, batched per request. */
export const contractById = byIdLoader<Contract>('contract');
export const contractsByQuote = hasManyLoader<Contract>('contract', 'quoteId');

/** Contracts as the relation connections of other records list them. */
export const contractList = entityList(contractService, ContractConnection, ContractFilter, ContractOrder);
