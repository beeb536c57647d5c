import { type Payment } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService, type EntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { recordPayment, removePayment } from '../workflows/payment-recording.js';
import { type CreatePaymentInput, PaymentOrderField, PaymentFilter, PaymentOrder } from './payment.input.js';
import { PaymentConnection } from './payment.type.js';

const generic = createEntityService<Payment, PaymentFilter>({
  name: 'Payment',
  model: 'payment',
  defaultOrder: PaymentOrderField.RECEIVED_AT,
  required: ['receivedAt', 'method'],
  where: (filter) =>
    allOf(
      ...equalsEach(filter, 'invoiceId', 'method'),
      textSearch(filter.search, ['reference']),
      amountWithin('amount', filter.amount),
      dateWithin('receivedAt', filter.receivedAt),
    ),
});

/**
 * Payments on the generic entity service, except that creating and deleting one also moves its
 * invoice's paid amount and status in the same transaction (createPayment is recordPayment).
 */
export const paymentService: EntityService<Payment, PaymentFilter> = {
  ...generic,
  // The generic resolver passes the validated CreatePaymentInput as a plain object.
  create: (scope, input) => recordPayment(scope.db, (input as CreatePaymentInput).invoiceId, input as CreatePaymentInput),
  delete: (scope, id, expectedUpdatedAt) => removePayment(scope.db, id, expectedUpdatedAt),
};

/** Payments as the relation connections of other records list them. */
export const paymentList = entityList(paymentService, PaymentConnection, PaymentFilter, PaymentOrder);
