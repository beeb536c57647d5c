import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { PAYMENT_FIELDS } from './payment.fields.js';

registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'How a payment was made.' });

/** Money received against an invoice. */
@ObjectType('Payment', { description: 'Money received against an invoice.' })
export class PaymentObject extends EntityNode {
  @Field(() => ID, { description: `${PAYMENT_FIELDS.invoiceId} See \`invoice\`.` })
  invoiceId!: string;

  @Field(() => DecimalScalar, { description: PAYMENT_FIELDS.amount })
  amount!: unknown;

  @Field({ description: PAYMENT_FIELDS.currency })
  currency!: string;

  @Field(() => PaymentMethod, { description: PAYMENT_FIELDS.method })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: PAYMENT_FIELDS.reference })
  reference!: string | null;

  @Field({ description: PAYMENT_FIELDS.receivedAt })
  receivedAt!: Date;
}

@ObjectType({ description: 'A page of payments.' })
export class PaymentConnection extends Connection(PaymentObject, 'Payment') {}
