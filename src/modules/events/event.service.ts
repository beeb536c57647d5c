import { type Event } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { EventOrderField, EventFilter, EventOrder } from './event.input.js';
import { EventConnection } from './event.type.js';

/** Events on the generic entity service. */
export const eventService = createEntityService<Event, EventFilter>({
  name: 'Event',
  model: 'event',
  defaultOrder: EventOrderField.NAME,
  nullableOrder: [EventOrderField.BUDGET, EventOrderField.EXPECTED_ATTENDEES],
  required: ['name', 'type', 'status', 'currency'],
  references: referencesOf('accountId', 'opportunityId', 'locationId'),
  users: ['ownerId'],
  where: (filter) => {
    const dates = dateWithin('startsAt', filter.startsAt);
    return allOf(
      textSearch(filter.search, ['name']),
      ...equalsEach(filter, 'type', 'status', 'accountId', 'opportunityId', 'locationId', 'ownerId'),
      amountWithin('budget', filter.budget),
      Object.keys(dates).length ? { dates: { some: dates } } : {},
    );
  },
});

/** Events by id, and the events of accounts and of locations, batched per request. */
export const eventById = byIdLoader<Event>('event');

/** Events as the relation connections of other records list them. */
export const eventList = entityList(eventService, EventConnection, EventFilter, EventOrder);
