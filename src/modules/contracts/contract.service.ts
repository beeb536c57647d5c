import { type Contract } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { ContractOrderField, ContractFilter, ContractOrder } from './contract.input.js';
import { ContractConnection } from './contract.type.js';

/** Contracts on the generic entity service; a contract may not end before it begins. */
export const contractService = createEntityService<Contract, ContractFilter>({
  name: 'Contract',
  model: 'contract',
  defaultOrder: ContractOrderField.NUMBER,
  nullableOrder: [ContractOrderField.ENDS_ON],
  required: ['accountId', 'number', 'value', 'startsOn', 'status', 'currency'],
  references: referencesOf('accountId', 'quoteId', 'eventId'),
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['number']),
      ...equalsEach(filter, 'status', 'accountId', 'quoteId', 'eventId'),
      amountWithin('value', filter.value),
      dateWithin('startsOn', filter.startsOn),
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
