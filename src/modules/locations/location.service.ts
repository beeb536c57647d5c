import { type Location } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { LocationFilter, LocationOrder } from './location.input.js';
import { LocationConnection } from './location.type.js';

const on = whereOn('location');

/** Locations on the generic entity service. */
export const locationService = createEntityService<'location', LocationFilter>({
  model: 'location',
  defaultOrder: 'name',
  nullableOrder: ['capacity'],
  required: ['name', 'addressLine1', 'city', 'country', 'timezone'],
  where: (filter) => on.all(on.search(filter.search, ['name', 'city']), on.equals('country', filter.country)),
});

/** Locations by id, batched per request. */
export const locationById = byIdLoader<Location>('location');

/** Locations as the relation connections of other records list them. */
export const locationList = entityList(locationService, LocationConnection, LocationFilter, LocationOrder);
