import { type EventDate } from '../../generated/tenant/client.js';
import { assertDateOrder } from '../entity/date-order.js';
import { allOf, dateWithin, equals } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { EventDateOrderField, EventDateFilter, EventDateOrder } from './event-date.input.js';
import { EventDateConnection } from './event-date.type.js';

/** Event dates on the generic entity service; a date may not end before it starts. */
export const eventDateService = createEntityService<EventDate, EventDateFilter>({
  name: 'EventDate',
  model: 'eventDate',
  defaultOrder: EventDateOrderField.STARTS_AT,
  required: ['eventId', 'startsAt', 'endsAt'],
  references: referencesOf('eventId', 'locationId'),
  where: (filter) => allOf(equals('eventId', filter.eventId), equals('locationId', filter.locationId), dateWithin('startsAt', filter.startsAt)),
  prepare: (next, data) => {
    assertDateOrder(next, 'startsAt', 'endsAt');
    return data;
  },
});

/** Event dates as the relation connections of other records list them. */
export const eventDateList = entityList(eventDateService, EventDateConnection, EventDateFilter, EventDateOrder);
