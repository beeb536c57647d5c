import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventStatus, EventType } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(EventType, { name: 'EventType', description: 'What kind of event it is.' });
registerEnumType(EventStatus, { name: 'EventStatus', description: 'Planning status of an event.' });

/** An event the tenant organises, with one or more dates. */
@ObjectType('Event', { description: 'An event the tenant organises for an account; it takes place on one or more dates.' })
export class EventObject extends EntityNode {
  @Field(() => ID, { nullable: true, description: 'The client account; see `account`.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal the event belongs to; see `opportunity`.' })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The main venue; see `location`.' })
  locationId!: string | null;

  @Field({ description: 'Name of the event.' })
  name!: string;

  @Field(() => EventType, { description: 'Kind of event.' })
  type!: EventType;

  @Field(() => EventStatus, { description: 'Planning status.' })
  status!: EventStatus;

  @Field(() => Int, { nullable: true, description: 'How many guests are expected.' })
  expectedAttendees!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget of the event.' })
  budget!: unknown;

  @Field({ description: 'ISO 4217 currency of the budget.' })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of events.' })
export class EventConnection extends Connection(EventObject, 'Event') {}
