import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Invoice, type Payment } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { invoiceById } from '../invoices/invoice.service.js';
import { InvoiceObject } from '../invoices/invoice.type.js';
import { CreatePaymentInput, PaymentsArgs, UpdatePaymentInput } from './payment.input.js';
import { paymentService } from './payment.service.js';
import { PaymentConnection, PaymentObject } from './payment.type.js';

const PaymentCrud = createEntityResolver({
  service: paymentService,
  objectType: PaymentObject,
  connectionType: PaymentConnection,
  argsType: PaymentsArgs,
  createInput: CreatePaymentInput,
  updateInput: UpdatePaymentInput,
});

@Resolver(() => PaymentObject)
export class PaymentResolver extends PaymentCrud {
  @FieldResolver(() => InvoiceObject, { description: 'The invoice paid.' })
  invoice(@Root() payment: Payment, @Ctx() ctx: RequestContext): Promise<Invoice | null> {
    return invoiceById(ctx).load(payment.invoiceId);
  }
}
