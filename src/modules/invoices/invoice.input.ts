import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { InvoiceStatus } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { INVOICE_FIELDS } from './invoice.fields.js';

export enum InvoiceOrderField {
  NUMBER = 'number',
  AMOUNT = 'amount',
  ISSUED_ON = 'issuedOn',
  DUE_ON = 'dueOn',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(InvoiceOrderField, { name: 'InvoiceOrderField', description: 'Fields invoices can be sorted by.' });

@InputType({ description: 'How to sort invoices.' })
export class InvoiceOrder extends OrderInput(InvoiceOrderField) {}

@InputType({ description: 'Conditions on invoices; all given ones must hold.' })
export class InvoiceFilter {
  @OptionalText(100, { description: 'Case-insensitive match on the number.' })
  search?: string | null;

  @EnumField(InvoiceStatus, { description: 'Only invoices with this status.' })
  status?: InvoiceStatus | null;

  @OptionalId({ description: 'Only the invoices of this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only the invoices of this contract.' })
  contractId?: string | null;

  @OptionalId({ description: 'Only the invoices of this event.' })
  eventId?: string | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only invoices whose amount lies in this range.' })
  amount?: AmountRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only invoices due in this range.' })
  dueOn?: DateRange | null;
}

@ArgsType()
export class InvoicesArgs extends ListArgsOf(InvoiceFilter, InvoiceOrder, 'number ascending') {}

@InputType()
class InvoiceFields {
  @OptionalId({ description: INVOICE_FIELDS.contractId })
  contractId?: string | null;

  @OptionalId({ description: INVOICE_FIELDS.eventId })
  eventId?: string | null;

  @EnumField(InvoiceStatus, { description: `${INVOICE_FIELDS.status} Default DRAFT.` })
  status?: InvoiceStatus | null;

  @CurrencyField({ description: `${INVOICE_FIELDS.currency} Default "USD".` })
  currency?: string | null;

  @DateField({ description: INVOICE_FIELDS.issuedOn })
  issuedOn?: Date | null;

  @DateField({ description: INVOICE_FIELDS.dueOn })
  dueOn?: Date | null;
}

@InputType({ description: 'A new invoice.' })
export class CreateInvoiceInput extends InvoiceFields {
  @RequiredId({ description: INVOICE_FIELDS.accountId })
  accountId!: string;

  @OptionalName(50, { description: `${INVOICE_FIELDS.number} Omit it for a draft that issueInvoice numbers.` })
  number?: string | null;

  @AmountField({ nullable: false, description: INVOICE_FIELDS.amount })
  amount!: string;
}

@InputType({ description: 'Changes to an invoice: omitted fields are kept, null clears an optional one.' })
export class UpdateInvoiceInput extends InvoiceFields {
  @OptionalId({ description: `${INVOICE_FIELDS.accountId} Change it to bill another account.` })
  accountId?: string | null;

  @OptionalName(50, { description: INVOICE_FIELDS.number })
  number?: string | null;

  @AmountField({ description: INVOICE_FIELDS.amount })
  amount?: string | null;
}
