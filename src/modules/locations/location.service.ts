import { type Location } from '../../generated/tenant/client.js';
import { allOf, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { LocationOrderField, LocationFilter, LocationOrder } from './location.input.js';
import { LocationConnection } from './location.type.js';

/** Locations on the generic entity service. */
export const locationService = createEntityService<Location, LocationFilter>({
  name: 'Location',
  model: 'location',
  defaultOrder: LocationOrderField.NAME,
  nullableOrder: [LocationOrderField.CAPACITY],
  required: ['name', 'addressLine1', 'city', 'country', 'timezone'],
  where: (filter) => allOf(textSearch(filter.search, ['name', 'city']), equals('country', filter.country)),
});

/** Locations by id, batched per request. */
export const locationById = byIdLoader<Location>('location');

/** Locations as the relation connections of other records list them. */
export const locationList = entityList(locationService, LocationConnection, LocationFilter, LocationOrder);
