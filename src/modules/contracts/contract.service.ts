import { type Contract } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { allOf, amountWithin, dateWithin, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { ContractOrderField, type ContractFilter } from './contract.input.js';

/** Contracts on the generic entity service; a contract may not end before it begins. */
export const contractService = createEntityService<Contract, ContractFilter>({
  name: 'Contract',
  model: 'contract',
  defaultOrder: ContractOrderField.NUMBER,
  nullableOrder: [ContractOrderField.ENDS_ON],
  required: ['accountId', 'number', 'value', 'startsOn', 'status', 'currency'],
  references: {
    accountId: { model: 'account', label: 'an account' },
    quoteId: { model: 'quote', label: 'a quote' },
    eventId: { model: 'event', label: 'an event' },
  },
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['number']),
      equals('status', filter.status),
      equals('accountId', filter.accountId),
      equals('quoteId', filter.quoteId),
      equals('eventId', filter.eventId),
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
