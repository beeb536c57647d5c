import { Arg, Authorized, ID, Mutation, Resolver } from 'type-graphql';
import { type Contract, type Invoice, type Lead, type Payment } from '../../generated/tenant/client.js';
import { Access } from '../../graphql/access.js';
import { TenantWriteDb } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { ContractObject } from '../contracts/contract.type.js';
import { InvoiceObject } from '../invoices/invoice.type.js';
import { LeadObject } from '../leads/lead.type.js';
import { PaymentObject } from '../payments/payment.type.js';
import { issueInvoice } from './invoice-issuing.js';
import { convertLead } from './lead-conversion.js';
import { recordPayment } from './payment-recording.js';
import { acceptQuote } from './quote-acceptance.js';
import { AcceptQuoteInput, ConvertLeadInput, IssueInvoiceInput, RecordPaymentInput } from './workflow.input.js';

/** The business workflows: each runs in one tenant transaction, all or nothing (MEMBER and up). */
@Resolver()
export class WorkflowResolver {
  @Authorized(Access.MEMBER)
  @Mutation(() => LeadObject, {
    description: 'Converts a lead into a new or existing account, a contact and optionally an opportunity; a lead converts once.',
  })
  convertLead(
    @Arg('id', () => ID, { description: 'The lead to convert.' }) id: string,
    @Arg('input', () => ConvertLeadInput, { defaultValue: {}, description: 'The account to link or create, and the optional opportunity.' }) input: ConvertLeadInput,
    @TenantWriteDb() db: Db,
  ): Promise<Lead> {
    return convertLead(db, parseId(id), input);
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => PaymentObject, {
    description: "Records a payment and raises the invoice's paid amount and status (PARTIALLY_PAID, PAID); over-payment is refused.",
  })
  recordPayment(
    @Arg('invoiceId', () => ID, { description: 'The invoice paid.' }) invoiceId: string,
    @Arg('input', { description: 'The payment.' }) input: RecordPaymentInput,
    @TenantWriteDb() db: Db,
  ): Promise<Payment> {
    return recordPayment(db, parseId(invoiceId, 'invoiceId'), input);
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => ContractObject, { description: 'Accepts a draft or sent quote and creates the contract from it.' })
  acceptQuote(
    @Arg('id', () => ID, { description: 'The draft or sent quote.' }) id: string,
    @Arg('input', () => AcceptQuoteInput, { defaultValue: {}, description: "The contract's dates." }) input: AcceptQuoteInput,
    @TenantWriteDb() db: Db,
  ): Promise<Contract> {
    return acceptQuote(db, parseId(id), input);
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => InvoiceObject, { description: "Issues a draft invoice under the tenant's next invoice number (gapless, e.g. INV-2027-0043)." })
  issueInvoice(
    @Arg('id', () => ID, { description: 'The draft invoice.' }) id: string,
    @Arg('input', () => IssueInvoiceInput, { defaultValue: {}, description: 'Issue and due dates (today and 30 days later unless given).' }) input: IssueInvoiceInput,
    @TenantWriteDb() db: Db,
  ): Promise<Invoice> {
    return issueInvoice(db, parseId(id), input);
  }
}
