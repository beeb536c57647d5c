import { type Note, type Task } from '../../generated/tenant/client.js';

/** The description of each record a task or note can be about; TASK_FIELDS and NOTE_FIELDS include these. */
export const SUBJECT_FIELDS = {
  accountId: 'The account it is about.',
  contactId: 'The contact it is about.',
  opportunityId: 'The opportunity it is about.',
  eventId: 'The event it is about.',
} as const satisfies Partial<Record<keyof Task & keyof Note, string>>;
