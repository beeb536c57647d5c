import { type Note } from '../../generated/tenant/client.js';
import { allOf, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { NoteOrderField, NoteFilter, NoteOrder } from './note.input.js';
import { NoteConnection } from './note.type.js';

/** Notes on the generic entity service; the caller is the author of a new note. */
export const noteService = createEntityService<Note, NoteFilter>({
  name: 'Note',
  model: 'note',
  defaultOrder: NoteOrderField.CREATED_AT,
  required: ['body'],
  references: referencesOf('accountId', 'contactId', 'leadId', 'opportunityId', 'eventId'),
  where: (filter) =>
    allOf(textSearch(filter.search, ['body']), ...equalsEach(filter, 'authorId', 'accountId', 'contactId', 'leadId', 'opportunityId', 'eventId')),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, authorId: scope.userId } : data),
});

/** Notes as the relation connections of other records list them. */
export const noteList = entityList(noteService, NoteConnection, NoteFilter, NoteOrder);
