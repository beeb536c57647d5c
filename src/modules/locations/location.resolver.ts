import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Event, type Location } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { eventsByLocation } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { CreateLocationInput, LocationsArgs, UpdateLocationInput } from './location.input.js';
import { locationService } from './location.service.js';
import { LocationConnection, LocationObject } from './location.type.js';

const LocationCrud = createEntityResolver({
  service: locationService,
  one: 'location',
  many: 'locations',
  typeName: 'Location',
  noun: 'locations',
  objectType: LocationObject,
  connectionType: LocationConnection,
  argsType: LocationsArgs,
  createInput: CreateLocationInput,
  updateInput: UpdateLocationInput,
});

@Resolver(() => LocationObject)
export class LocationResolver extends LocationCrud {
  @FieldResolver(() => [EventObject], { description: 'Events whose main venue this is.' })
  events(@Root() location: Location, @Ctx() ctx: RequestContext): Promise<Event[]> {
    return eventsByLocation(ctx).load(location.id);
  }
}
