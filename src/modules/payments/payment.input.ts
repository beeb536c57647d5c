import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../../generated/tenant/enums.js';
import { AmountField, DateField, EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { PAYMENT_FIELDS } from './payment.fields.js';

export enum PaymentOrderField {
  RECEIVED_AT = 'receivedAt',
  AMOUNT = 'amount',
  CREATED_AT = 'createdAt',
}
registerEnumType(PaymentOrderField, { name: 'PaymentOrderField', description: 'Fields payments can be sorted by.' });

@InputType({ description: 'How to sort payments.' })
export class PaymentOrder extends OrderInput(PaymentOrderField) {}

@InputType({ description: 'Conditions on payments; all given ones must hold.' })
export class PaymentFilter {
  @OptionalId({ description: 'Only the payments of this invoice.' })
  invoiceId?: string | null;

  @EnumField(PaymentMethod, { description: 'Only payments made this way.' })
  method?: PaymentMethod | null;

  @OptionalText(200, { description: 'Case-insensitive match on the reference.' })
  search?: string | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only payments whose amount lies in this range.' })
  amount?: AmountRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only payments received in this range.' })
  receivedAt?: DateRange | null;
}

@ArgsType()
export class PaymentsArgs extends ListArgsOf(PaymentFilter, PaymentOrder, 'received ascending') {}

@InputType()
class PaymentFields {
  @EnumField(PaymentMethod, { description: `${PAYMENT_FIELDS.method} Default BANK_TRANSFER.` })
  method?: PaymentMethod | null;

  @OptionalText(200, { description: PAYMENT_FIELDS.reference })
  reference?: string | null;
}

@InputType({ description: 'A new payment.' })
export class CreatePaymentInput extends PaymentFields {
  @RequiredId({ description: PAYMENT_FIELDS.invoiceId })
  invoiceId!: string;

  @AmountField({ nullable: false, positive: true, description: PAYMENT_FIELDS.amount })
  amount!: string;

  @DateField({ nullable: false, description: PAYMENT_FIELDS.receivedAt })
  receivedAt!: Date;
}

@InputType({ description: 'Corrections to a payment (to change its amount, delete it and record it again): omitted fields are kept, null clears an optional one.' })
export class UpdatePaymentInput extends PaymentFields {
  @DateField({ description: PAYMENT_FIELDS.receivedAt })
  receivedAt?: Date | null;
}
