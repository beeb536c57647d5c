import { type Note } from '../../generated/tenant/client.js';
import { allOf, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { SUBJECT_REFERENCES, subjectWhere } from '../subjects/subject-references.js';
import { NoteOrderField, type NoteFilter } from './note.input.js';

/** Notes on the generic entity service; the caller is the author of a new note. */
export const noteService = createEntityService<Note, NoteFilter>({
  name: 'Note',
  model: 'note',
  defaultOrder: NoteOrderField.CREATED_AT,
  required: ['body'],
  references: { ...SUBJECT_REFERENCES, leadId: { model: 'lead', label: 'a lead' } },
  where: (filter) => allOf(textSearch(filter.search, ['body']), equals('authorId', filter.authorId), ...subjectWhere(filter)),
  prepare: (_next, data, scope, mode) => (mode === 'create' ? { ...data, authorId: scope.userId } : data),
});
