import { type Communication } from '../../generated/tenant/client.js';
import { allOf, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { CommunicationOrderField, type CommunicationFilter } from './communication.input.js';

/** Communications on the generic entity service; the caller is the user of a new one. */
export const communicationService = createEntityService<Communication, CommunicationFilter>({
  name: 'Communication',
  model: 'communication',
  defaultOrder: CommunicationOrderField.OCCURRED_AT,
  nullableOrder: [CommunicationOrderField.SUBJECT],
  required: ['channel', 'direction', 'occurredAt'],
  references: referencesOf('accountId', 'contactId', 'leadId'),
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['subject', 'body']),
      ...equalsEach(filter, 'channel', 'direction', 'userId', 'accountId', 'contactId', 'leadId'),
      dateWithin('occurredAt', filter.occurredAt),
    ),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, userId: scope.userId } : data),
});
