import { type Task } from '../../generated/tenant/client.js';
import { allOf, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { TaskOrderField, TaskFilter, TaskOrder } from './task.input.js';
import { TaskConnection } from './task.type.js';

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

/** Tasks as the relation connections of other records list them. */
export const taskList = entityList(taskService, TaskConnection, TaskFilter, TaskOrder);
