import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { NoteFilter, NoteOrder } from './note.input.js';
import { NoteConnection } from './note.type.js';

const on = whereOn('note');

/** Notes on the generic entity service; the caller is the author of a new note. */
export const noteService = createEntityService<'note', NoteFilter>({
  model: 'note',
  defaultOrder: 'createdAt',
  required: ['body'],
  references: referencesOf('accountId', 'contactId', 'leadId', 'opportunityId', 'eventId'),
  where: (filter) =>
    on.all(on.search(filter.search, ['body']), ...on.each(filter, 'authorId', 'accountId', 'contactId', 'leadId', 'opportunityId', 'eventId')),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, authorId: scope.userId } : data),
});

/** Notes as the relation connections of other records list them. */
export const noteList = entityList(noteService, NoteConnection, NoteFilter, NoteOrder);
