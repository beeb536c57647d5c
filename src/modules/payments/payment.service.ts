import { type Payment } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService, type EntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { recordPayment, removePayment } from '../workflows/payment-recording.js';
import { type CreatePaymentInput, PaymentFilter, PaymentOrder } from './payment.input.js';
import { PaymentConnection } from './payment.type.js';

const on = whereOn('payment');

const generic = createEntityService<'payment', PaymentFilter>({
  model: 'payment',
  defaultOrder: 'receivedAt',
  required: ['receivedAt', 'method'],
  where: (filter) =>
    on.all(
      ...on.each(filter, 'invoiceId', 'method'),
      on.search(filter.search, ['reference']),
      on.amount('amount', filter.amount),
      on.date('receivedAt', filter.receivedAt),
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
