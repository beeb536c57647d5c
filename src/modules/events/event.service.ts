import { type Event } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { EventFilter, EventOrder } from './event.input.js';
import { EventConnection } from './event.type.js';

const on = whereOn('event');

/** Events on the generic entity service. */
export const eventService = createEntityService<'event', EventFilter>({
  model: 'event',
  defaultOrder: 'name',
  nullableOrder: ['budget', 'expectedAttendees'],
  required: ['name', 'type', 'status', 'currency'],
  references: referencesOf('accountId', 'opportunityId', 'locationId'),
  users: ['ownerId'],
  where: (filter) => {
    const dates = whereOn('eventDate').date('startsAt', filter.startsAt);
    return on.all(
      on.search(filter.search, ['name']),
      ...on.each(filter, 'type', 'status', 'accountId', 'opportunityId', 'locationId', 'ownerId'),
      on.amount('budget', filter.budget),
      Object.keys(dates).length ? { dates: { some: dates } } : {},
    );
  },
});

/** Events by id, and the events of accounts and of locations, batched per request. */
export const eventById = byIdLoader<Event>('event');

/** Events as the relation connections of other records list them. */
export const eventList = entityList(eventService, EventConnection, EventFilter, EventOrder);
