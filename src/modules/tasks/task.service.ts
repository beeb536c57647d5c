import { type Task } from '../../generated/tenant/client.js';
import { allOf, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { TaskOrderField, type TaskFilter } from './task.input.js';

/** Tasks on the generic entity service. */
export const taskService = createEntityService<Task, TaskFilter>({
  name: 'Task',
  model: 'task',
  defaultOrder: TaskOrderField.DUE_AT,
  nullableOrder: [TaskOrderField.DUE_AT],
  required: ['title', 'status', 'priority'],
  references: referencesOf('accountId', 'contactId', 'opportunityId', 'eventId'),
  users: ['assigneeId'],
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['title']),
      dateWithin('dueAt', filter.dueAt),
      ...equalsEach(filter, 'status', 'priority', 'assigneeId', 'accountId', 'contactId', 'opportunityId', 'eventId'),
    ),
});
