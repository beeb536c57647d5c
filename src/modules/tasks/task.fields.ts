import { type Task } from '../../generated/tenant/client.js';
import { SUBJECT_FIELDS } from '../subjects/subject.fields.js';

/** The description of each task field, declared once for the Task type and its inputs. */
export const TASK_FIELDS = {
  ...SUBJECT_FIELDS,
  title: 'What to do.',
  description: 'Details.',
  status: 'Progress.',
  priority: 'Urgency.',
  dueAt: 'When it is due.',
  completedAt: 'When it was done.',
  assigneeId: 'Control-plane user id of the assignee.',
} as const satisfies Partial<Record<keyof Task, string>>;
