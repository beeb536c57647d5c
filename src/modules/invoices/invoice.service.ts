import { entityList } from '../entity/relation-fields.js';
import { randomBytes } from 'node:crypto';
import { type Invoice } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { InvoiceFilter, InvoiceOrder } from './invoice.input.js';
import { InvoiceConnection } from './invoice.type.js';

const on = whereOn('invoice');

/** Invoices on the generic entity service; an invoice may not fall due before it is issued. */
export const invoiceService = createEntityService<'invoice', InvoiceFilter>({
  model: 'invoice',
  defaultOrder: 'number',
  nullableOrder: ['issuedOn', 'dueOn'],
  required: ['accountId', 'number', 'amount', 'status', 'currency'],
  references: referencesOf('accountId', 'contractId', 'eventId'),
  where: (filter) =>
    on.all(
      on.search(filter.search, ['number']),
      ...on.each(filter, 'status', 'accountId', 'contractId', 'eventId'),
      on.amount('amount', filter.amount),
      on.date('dueOn', filter.dueOn),
    ),
  prepare: (next, data, _scope, mode) => {
    assertDateOrder(next, 'issuedOn', 'dueOn');
    return mode === 'create' && data.number === undefined ? { ...data, number: `DRAFT-${randomBytes(5).toString('hex').toUpperCase()}` } : data;
  },
});

/** Invoices by id and by account, contract and event, batched per request. */
export const invoiceById = byIdLoader<Invoice>('invoice');

/** Invoices as the relation connections of other records list them. */
export const invoiceList = entityList(invoiceService, InvoiceConnection, InvoiceFilter, InvoiceOrder);
