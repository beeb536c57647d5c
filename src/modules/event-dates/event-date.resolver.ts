import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Event, type EventDate, type Location } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { eventById } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { locationById } from '../locations/location.service.js';
import { LocationObject } from '../locations/location.type.js';
import { CreateEventDateInput, EventDatesArgs, UpdateEventDateInput } from './event-date.input.js';
import { eventDateService } from './event-date.service.js';
import { EventDateConnection, EventDateObject } from './event-date.type.js';

const EventDateCrud = createEntityResolver({
  service: eventDateService,
  objectType: EventDateObject,
  connectionType: EventDateConnection,
  argsType: EventDatesArgs,
  createInput: CreateEventDateInput,
  updateInput: UpdateEventDateInput,
});

@Resolver(() => EventDateObject)
export class EventDateResolver extends EventDateCrud {
  @FieldResolver(() => EventObject, { description: 'The event this date belongs to.' })
  event(@Root() date: EventDate, @Ctx() ctx: RequestContext): Promise<Event | null> {
    return eventById(ctx).load(date.eventId);
  }

  @FieldResolver(() => LocationObject, { nullable: true, description: "This date's venue, when it differs from the event's." })
  location(@Root() date: EventDate, @Ctx() ctx: RequestContext): Promise<Location | null> | null {
    return loadOptional(locationById(ctx), date.locationId);
  }
}
