import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

/** One day or session of an event. */
@ObjectType('EventDate', { description: 'One day or session of an event, with its own time span and optionally its own venue.' })
export class EventDateObject extends EntityNode {
  @Field(() => ID, { description: 'The event; see `event`.' })
  eventId!: string;

  @Field(() => ID, { nullable: true, description: "The venue of this date, when not the event's own; see `location`." })
  locationId!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Day 1" or "Rehearsal".' })
  label!: string | null;

  @Field({ description: 'When it starts.' })
  startsAt!: Date;

  @Field({ description: 'When it ends (never before startsAt).' })
  endsAt!: Date;
}

@ObjectType({ description: 'A page of event dates.' })
export class EventDateConnection extends Connection(EventDateObject, 'EventDate') {}
