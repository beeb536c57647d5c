import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { QuoteStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(QuoteStatus, { name: 'QuoteStatus', description: 'Where a quote stands with the client.' });

/** A priced offer sent to an account. */
@ObjectType('Quote', { description: 'A priced offer to an account, possibly for an event or a deal; accepted, it becomes a contract.' })
export class QuoteObject extends EntityNode {
  @Field(() => ID, { description: 'The account quoted; see `account`.' })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The deal it belongs to; see `opportunity`.' })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it prices; see `event`.' })
  eventId!: string | null;

  @Field({ description: 'Quote number, unique in the tenant, e.g. "Q-2026-0042".' })
  number!: string;

  @Field(() => QuoteStatus, { description: 'Status.' })
  status!: QuoteStatus;

  @Field({ description: 'ISO 4217 currency of the amounts.' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Amount before tax.' })
  subtotal!: unknown;

  @Field(() => DecimalScalar, { description: 'Tax amount.' })
  tax!: unknown;

  @Field(() => DecimalScalar, { description: 'subtotal + tax, kept by the gateway.' })
  total!: unknown;

  @Field(() => Date, { nullable: true, description: 'Last day the offer holds (a date).' })
  validUntil!: Date | null;
}

@ObjectType({ description: 'A page of quotes.' })
export class QuoteConnection extends Connection(QuoteObject, 'Quote') {}
