import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Contract, type Event, type Invoice } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { attachmentsOn } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { contractById } from '../contracts/contract.service.js';
import { ContractObject } from '../contracts/contract.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { childrenThrough } from '../entity/relation-page.js';
import { eventById } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { paymentList } from '../payments/payment.service.js';
import { CreateInvoiceInput, InvoicesArgs, UpdateInvoiceInput } from './invoice.input.js';
import { invoiceService } from './invoice.service.js';
import { InvoiceConnection, InvoiceObject } from './invoice.type.js';

const InvoiceCrud = createEntityResolver({
  service: invoiceService,
  objectType: InvoiceObject,
  connectionType: InvoiceConnection,
  argsType: InvoicesArgs,
  createInput: CreateInvoiceInput,
  updateInput: UpdateInvoiceInput,
});

@Resolver(() => InvoiceObject)
export class InvoiceResolver extends withRelations(InvoiceCrud, InvoiceObject, {
  payments: hasMany(paymentList, childrenThrough('invoice', 'payments'), 'Payments received, oldest first.', { field: 'receivedAt', direction: 'asc', text: 'oldest first' }),
  attachments: attachmentsOn(AttachmentSubjectType.INVOICE),
}) {
  @FieldResolver(() => AccountObject, { description: 'The account billed.' })
  account(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(invoice.accountId);
  }

  @FieldResolver(() => ContractObject, { nullable: true, description: 'The contract it bills under.' })
  contract(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Contract | null> | null {
    return loadOptional(contractById(ctx), invoice.contractId);
  }

  @FieldResolver(() => EventObject, { nullable: true, description: 'The event it bills for.' })
  event(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Event | null> | null {
    return loadOptional(eventById(ctx), invoice.eventId);
  }
}
