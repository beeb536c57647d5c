import { type Payment } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { hasManyLoader } from '../entity/relation-loaders.js';
import { PaymentOrderField, type PaymentFilter } from './payment.input.js';

/** Payments on the generic entity service. */
export const paymentService = createEntityService<Payment, PaymentFilter>({
  name: 'Payment',
  model: 'payment',
  defaultOrder: PaymentOrderField.RECEIVED_AT,
  required: ['amount', 'receivedAt', 'method', 'currency'],
  references: { invoiceId: { model: 'invoice', label: 'an invoice' } },
  where: (filter) =>
    allOf(
      equals('invoiceId', filter.invoiceId),
      equals('method', filter.method),
      textSearch(filter.search, ['reference']),
      amountWithin('amount', filter.amount),
      dateWithin('receivedAt', filter.receivedAt),
    ),
});

/** The payments of invoices, oldest first, batched per request. */
export const paymentsByInvoice = hasManyLoader<Payment>('payment', 'invoiceId', [{ receivedAt: 'asc' }, { id: 'asc' }]);
