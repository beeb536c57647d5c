import { type Communication } from '../../generated/tenant/client.js';
import { allOf, dateWithin, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { subjectWhere } from '../subjects/subject-references.js';
import { CommunicationOrderField, type CommunicationFilter } from './communication.input.js';

/** Communications on the generic entity service; the caller is the user of a new one. */
export const communicationService = createEntityService<Communication, CommunicationFilter>({
  name: 'Communication',
  model: 'communication',
  defaultOrder: CommunicationOrderField.OCCURRED_AT,
  nullableOrder: [CommunicationOrderField.SUBJECT],
  required: ['channel', 'direction', 'occurredAt'],
  references: {
    accountId: { model: 'account', label: 'an account' },
    contactId: { model: 'contact', label: 'a contact' },
    leadId: { model: 'lead', label: 'a lead' },
  },
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['subject', 'body']),
      equals('channel', filter.channel),
      equals('direction', filter.direction),
      equals('userId', filter.userId),
      dateWithin('occurredAt', filter.occurredAt),
      ...subjectWhere(filter),
    ),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, userId: scope.userId } : data),
});
