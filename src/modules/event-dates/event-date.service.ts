import { assertDateOrder } from '../entity/date-order.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { EventDateFilter, EventDateOrder } from './event-date.input.js';
import { EventDateConnection } from './event-date.type.js';

const on = whereOn('eventDate');

/** Event dates on the generic entity service; a date may not end before it starts. */
export const eventDateService = createEntityService<'eventDate', EventDateFilter>({
  model: 'eventDate',
  defaultOrder: 'startsAt',
  required: ['eventId', 'startsAt', 'endsAt'],
  references: referencesOf('eventId', 'locationId'),
  where: (filter) => on.all(on.equals('eventId', filter.eventId), on.equals('locationId', filter.locationId), on.date('startsAt', filter.startsAt)),
  prepare: (next, data) => {
    assertDateOrder(next, 'startsAt', 'endsAt');
    return data;
  },
});

/** Event dates as the relation connections of other records list them. */
export const eventDateList = entityList(eventDateService, EventDateConnection, EventDateFilter, EventDateOrder);
