import { Resolver } from 'type-graphql';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { childrenThrough } from '../entity/relation-page.js';
import { eventList } from '../events/event.service.js';
import { CreateLocationInput, LocationsArgs, UpdateLocationInput } from './location.input.js';
import { locationService } from './location.service.js';
import { LocationConnection, LocationObject } from './location.type.js';

const LocationCrud = createEntityResolver({
  service: locationService,
  objectType: LocationObject,
  connectionType: LocationConnection,
  argsType: LocationsArgs,
  createInput: CreateLocationInput,
  updateInput: UpdateLocationInput,
});

@Resolver(() => LocationObject)
export class LocationResolver extends withRelations(LocationCrud, LocationObject, {
  events: hasMany(eventList, childrenThrough('location', 'events'), 'Events whose main venue this is.'),
}) {
}
