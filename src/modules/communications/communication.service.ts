import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList, hasMany, type HasMany } from '../entity/relation-fields.js';
import { childrenThrough } from '../entity/relation-page.js';
import { CommunicationOrderField, CommunicationFilter, CommunicationOrder } from './communication.input.js';
import { CommunicationConnection } from './communication.type.js';

const on = whereOn('communication');

/** Communications on the generic entity service; the caller is the user of a new one. */
export const communicationService = createEntityService<'communication', CommunicationFilter>({
  model: 'communication',
  defaultOrder: 'occurredAt',
  nullableOrder: ['subject'],
  required: ['channel', 'direction', 'occurredAt'],
  references: referencesOf('accountId', 'contactId', 'leadId'),
  where: (filter) =>
    on.all(
      on.search(filter.search, ['subject', 'body']),
      ...on.each(filter, 'channel', 'direction', 'userId', 'accountId', 'contactId', 'leadId'),
      on.date('occurredAt', filter.occurredAt),
    ),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, userId: scope.userId } : data),
});

/** Communications as the relation connections of other records list them. */
export const communicationList = entityList(communicationService, CommunicationConnection, CommunicationFilter, CommunicationOrder);

/** A record's `communications`: the emails, calls, meetings and messages with it, newest first. */
export function communicationsOf(parent: 'account' | 'contact' | 'lead'): HasMany {
  return hasMany(communicationList, childrenThrough(parent, 'communications'), `Emails, calls, meetings and messages with the ${parent}, newest first.`, {
    field: CommunicationOrderField.OCCURRED_AT,
    direction: 'desc',
    text: 'newest first',
  });
}
