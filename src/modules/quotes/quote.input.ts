import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { QuoteStatus } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { QUOTE_FIELDS } from './quote.fields.js';

export enum QuoteOrderField {
  NUMBER = 'number',
  TOTAL = 'total',
  VALID_UNTIL = 'validUntil',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(QuoteOrderField, { name: 'QuoteOrderField', description: 'Fields quotes can be sorted by.' });

@InputType({ description: 'How to sort quotes.' })
export class QuoteOrder extends OrderInput(QuoteOrderField) {}

@InputType({ description: 'Conditions on quotes; all given ones must hold.' })
export class QuoteFilter {
  @OptionalText(100, { description: 'Case-insensitive match on the number.' })
  search?: string | null;

  @EnumField(QuoteStatus, { description: 'Only quotes with this status.' })
  status?: QuoteStatus | null;

  @OptionalId({ description: 'Only the quotes of this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only the quotes of this opportunity.' })
  opportunityId?: string | null;

  @OptionalId({ description: 'Only the quotes of this event.' })
  eventId?: string | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only quotes whose total lies in this range.' })
  total?: AmountRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only quotes valid until a day in this range.' })
  validUntil?: DateRange | null;
}

@ArgsType()
export class QuotesArgs extends ListArgsOf(QuoteFilter, QuoteOrder, 'number ascending') {}

@InputType()
class QuoteFields {
  @OptionalId({ description: QUOTE_FIELDS.opportunityId })
  opportunityId?: string | null;

  @OptionalId({ description: QUOTE_FIELDS.eventId })
  eventId?: string | null;

  @EnumField(QuoteStatus, { description: `${QUOTE_FIELDS.status} Default DRAFT.` })
  status?: QuoteStatus | null;

  @CurrencyField({ description: `${QUOTE_FIELDS.currency} Default "USD".` })
  currency?: string | null;

  @AmountField({ description: `${QUOTE_FIELDS.tax} Default 0.` })
  tax?: string | null;

  @DateField({ description: QUOTE_FIELDS.validUntil })
  validUntil?: Date | null;
}

@InputType({ description: 'A new quote; its total is subtotal + tax.' })
export class CreateQuoteInput extends QuoteFields {
  @RequiredId({ description: QUOTE_FIELDS.accountId })
  accountId!: string;

  @RequiredName(50, { description: QUOTE_FIELDS.number })
  number!: string;

  @AmountField({ nullable: false, description: QUOTE_FIELDS.subtotal })
  subtotal!: string;
}

@InputType({ description: 'Changes to a quote: omitted fields are kept, null clears an optional one.' })
export class UpdateQuoteInput extends QuoteFields {
  @OptionalId({ description: `${QUOTE_FIELDS.accountId} Change it to move the quote to another account.` })
  accountId?: string | null;

  @OptionalName(50, { description: QUOTE_FIELDS.number })
  number?: string | null;

  @AmountField({ description: QUOTE_FIELDS.subtotal })
  subtotal?: string | null;
}
