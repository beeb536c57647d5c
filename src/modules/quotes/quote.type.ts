import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { QuoteStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { QUOTE_FIELDS } from './quote.fields.js';

registerEnumType(QuoteStatus, { name: 'QuoteStatus', description: 'Where a quote stands with the client.' });

/** A priced offer sent to an account. */
@ObjectType('Quote', { description: 'A priced offer to an account, possibly for an event or a deal; accepted, it becomes a contract.' })
export class QuoteObject extends EntityNode {
  @Field(() => ID, { description: `${QUOTE_FIELDS.accountId} See \`account\`.` })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: `${QUOTE_FIELDS.opportunityId} See \`opportunity\`.` })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: `${QUOTE_FIELDS.eventId} See \`event\`.` })
  eventId!: string | null;

  @Field({ description: QUOTE_FIELDS.number })
  number!: string;

  @Field(() => QuoteStatus, { description: QUOTE_FIELDS.status })
  status!: QuoteStatus;

  @Field({ description: QUOTE_FIELDS.currency })
  currency!: string;

  @Field(() => DecimalScalar, { description: QUOTE_FIELDS.subtotal })
  subtotal!: unknown;

  @Field(() => DecimalScalar, { description: QUOTE_FIELDS.tax })
  tax!: unknown;

  @Field(() => DecimalScalar, { description: QUOTE_FIELDS.total })
  total!: unknown;

  @Field(() => Date, { nullable: true, description: QUOTE_FIELDS.validUntil })
  validUntil!: Date | null;
}

@ObjectType({ description: 'A page of quotes.' })
export class QuoteConnection extends Connection(QuoteObject, 'Quote') {}
