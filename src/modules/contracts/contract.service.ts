import { type Contract } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { ContractOrderField, type ContractFilter } from './contract.input.js';

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
export const contractsByAccount = hasManyLoader<Contract>('contract', 'accountId');
export const contractsByEvent = hasManyLoader<Contract>('contract', 'eventId');
export const contractsByQuote = hasManyLoader<Contract>('contract', 'quoteId');
