import { type Event } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { EventOrderField, type EventFilter } from './event.input.js';

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
export const eventsByAccount = hasManyLoader<Event>('event', 'accountId');
export const eventsByLocation = hasManyLoader<Event>('event', 'locationId');
