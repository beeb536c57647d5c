import { type Attachment, type Note, type Task } from '../../generated/tenant/client.js';
import { hasManyLoader, type LoaderOf } from '../entity/relation-loaders.js';
import { type AttachmentSubjectType } from '../attachments/attachment.input.js';

/** A record's reference column on tasks and notes. */
export type ActivityKey = 'accountId' | 'contactId' | 'leadId' | 'opportunityId' | 'eventId';

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }];

/** The tasks about records, by the records' reference column, due first. */
export function tasksBy(key: ActivityKey): LoaderOf<Task[]> {
  return hasManyLoader<Task>('task', key, [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]);
}

/** The notes about records, newest first. */
export function notesBy(key: ActivityKey): LoaderOf<Note[]> {
  return hasManyLoader<Note>('note', key, newestFirst);
}

/** The files attached to records of one subject type, newest first. */
export function attachmentsOf(subjectType: AttachmentSubjectType): LoaderOf<Attachment[]> {
  return hasManyLoader<Attachment>('attachment', 'subjectId', newestFirst, { subjectType });
}
