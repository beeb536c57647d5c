import { type Task } from '../../generated/tenant/client.js';
import { allOf, dateWithin, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { SUBJECT_REFERENCES, subjectWhere } from '../subjects/subject-references.js';
import { TaskOrderField, type TaskFilter } from './task.input.js';

/** Tasks on the generic entity service. */
export const taskService = createEntityService<Task, TaskFilter>({
  name: 'Task',
  model: 'task',
  defaultOrder: TaskOrderField.DUE_AT,
  nullableOrder: [TaskOrderField.DUE_AT],
  required: ['title', 'status', 'priority'],
  references: SUBJECT_REFERENCES,
  users: ['assigneeId'],
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['title']),
      equals('status', filter.status),
      equals('priority', filter.priority),
      equals('assigneeId', filter.assigneeId),
      dateWithin('dueAt', filter.dueAt),
      ...subjectWhere(filter),
    ),
});
