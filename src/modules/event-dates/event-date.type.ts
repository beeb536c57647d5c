import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { EVENT_DATE_FIELDS } from './event-date.fields.js';

/** One day or session of an event. */
@ObjectType('EventDate', { description: 'One day or session of an event, with its own time span and optionally its own venue.' })
export class EventDateObject extends EntityNode {
  @Field(() => ID, { description: `${EVENT_DATE_FIELDS.eventId} See \`event\`.` })
  eventId!: string;

  @Field(() => ID, { nullable: true, description: `${EVENT_DATE_FIELDS.locationId} See \`location\`.` })
  locationId!: string | null;

  @Field(() => String, { nullable: true, description: EVENT_DATE_FIELDS.label })
  label!: string | null;

  @Field({ description: EVENT_DATE_FIELDS.startsAt })
  startsAt!: Date;

  @Field({ description: EVENT_DATE_FIELDS.endsAt })
  endsAt!: Date;
}

@ObjectType({ description: 'A page of event dates.' })
export class EventDateConnection extends Connection(EventDateObject, 'EventDate') {}
