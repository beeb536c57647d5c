import { attachmentsOf } from '../attachments/attachment-pages.js';
import { type AttachmentSubjectType } from '../attachments/attachment.input.js';
import { attachmentList } from '../attachments/attachment.service.js';
import { type ModelName } from '../entity/entity-delegate.js';
import { hasMany, type HasMany } from '../entity/relation-fields.js';
import { childrenThrough } from '../entity/relation-page.js';
import { noteList } from '../notes/note.service.js';
import { taskList } from '../tasks/task.service.js';

/** The default order of lists that show the latest first. */
export const NEWEST_FIRST = { field: 'createdAt', direction: 'desc', text: 'newest first' } as const;

/** A record's `tasks`: the tasks about it, the soonest due first. */
export function tasksOf(parent: ModelName): HasMany {
  return hasMany(taskList, childrenThrough(parent, 'tasks'), 'Tasks about this record, the soonest due first.', {
    field: 'dueAt',
    direction: 'asc',
    text: 'due date ascending, undated last',
  });
}

/** A record's `notes`, newest first. */
export function notesOf(parent: ModelName): HasMany {
  return hasMany(noteList, childrenThrough(parent, 'notes'), 'Notes about this record, newest first.', NEWEST_FIRST);
}

/** A record's `attachments`: the files filed under it, newest first. */
export function attachmentsOn(subjectType: AttachmentSubjectType): HasMany {
  return hasMany(attachmentList, attachmentsOf(subjectType), 'Files attached to this record, newest first.', NEWEST_FIRST);
}
