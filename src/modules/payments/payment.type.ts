import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'How a payment was made.' });

/** Money received against an invoice. */
@ObjectType('Payment', { description: 'Money received against an invoice.' })
export class PaymentObject extends EntityNode {
  @Field(() => ID, { description: 'The invoice paid; see `invoice`.' })
  invoiceId!: string;

  @Field(() => DecimalScalar, { description: 'Amount received (positive).' })
  amount!: unknown;

  @Field({ description: 'ISO 4217 currency of the amount.' })
  currency!: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Bank or card reference.' })
  reference!: string | null;

  @Field({ description: 'When the money arrived.' })
  receivedAt!: Date;
}

@ObjectType({ description: 'A page of payments.' })
export class PaymentConnection extends Connection(PaymentObject, 'Payment') {}
