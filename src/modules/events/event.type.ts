import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventStatus, EventType } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { EVENT_FIELDS } from './event.fields.js';

registerEnumType(EventType, { name: 'EventType', description: 'What kind of event it is.' });
registerEnumType(EventStatus, { name: 'EventStatus', description: 'Planning status of an event.' });

/** An event the tenant organises, with one or more dates. */
@ObjectType('Event', { description: 'An event the tenant organises for an account; it takes place on one or more dates.' })
export class EventObject extends EntityNode {
  @Field(() => ID, { nullable: true, description: `${EVENT_FIELDS.accountId} See \`account\`.` })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: `${EVENT_FIELDS.opportunityId} See \`opportunity\`.` })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: `${EVENT_FIELDS.locationId} See \`location\`.` })
  locationId!: string | null;

  @Field({ description: EVENT_FIELDS.name })
  name!: string;

  @Field(() => EventType, { description: EVENT_FIELDS.type })
  type!: EventType;

  @Field(() => EventStatus, { description: EVENT_FIELDS.status })
  status!: EventStatus;

  @Field(() => Int, { nullable: true, description: EVENT_FIELDS.expectedAttendees })
  expectedAttendees!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: EVENT_FIELDS.budget })
  budget!: unknown;

  @Field({ description: EVENT_FIELDS.currency })
  currency!: string;

  @Field(() => String, { nullable: true, description: EVENT_FIELDS.description })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: `${EVENT_FIELDS.ownerId} See \`owner\`.` })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of events.' })
export class EventConnection extends Connection(EventObject, 'Event') {}
