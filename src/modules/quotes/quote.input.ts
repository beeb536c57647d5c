import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { QuoteStatus } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';

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
  @OptionalId({ description: 'The deal it belongs to.' })
  opportunityId?: string | null;

  @OptionalId({ description: 'The event it prices.' })
  eventId?: string | null;

  @EnumField(QuoteStatus, { description: 'Status (default DRAFT).' })
  status?: QuoteStatus | null;

  @CurrencyField()
  currency?: string | null;

  @AmountField({ description: 'Tax amount (default 0).' })
  tax?: string | null;

  @DateField({ description: 'Last day the offer holds.' })
  validUntil?: Date | null;
}

@InputType({ description: 'A new quote; its total is subtotal + tax.' })
export class CreateQuoteInput extends QuoteFields {
  @RequiredId({ description: 'The account quoted.' })
  accountId!: string;

  @RequiredName(50, { description: 'Quote number, unique in the tenant.' })
  number!: string;

  @AmountField({ nullable: false, description: 'Amount before tax.' })
  subtotal!: string;
}

@InputType({ description: 'Changes to a quote: omitted fields are kept, null clears an optional one.' })
export class UpdateQuoteInput extends QuoteFields {
  @OptionalId({ description: 'Move the quote to another account.' })
  accountId?: string | null;

  @OptionalName(50, { description: 'Quote number, unique in the tenant.' })
  number?: string | null;

  @AmountField({ description: 'Amount before tax.' })
  subtotal?: string | null;
}
