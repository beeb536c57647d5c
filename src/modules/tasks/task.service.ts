import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { referencesOf } from '../entity/references.js';
import { entityList } from '../entity/relation-fields.js';
import { TaskFilter, TaskOrder } from './task.input.js';
import { TaskConnection } from './task.type.js';

const on = whereOn('task');

/** Tasks on the generic entity service. */
export const taskService = createEntityService<'task', TaskFilter>({
  model: 'task',
  defaultOrder: 'dueAt',
  nullableOrder: ['dueAt'],
  required: ['title', 'status', 'priority'],
  references: referencesOf('accountId', 'contactId', 'opportunityId', 'eventId'),
  users: ['assigneeId'],
  where: (filter) =>
    on.all(
      on.search(filter.search, ['title']),
      on.date('dueAt', filter.dueAt),
      ...on.each(filter, 'status', 'priority', 'assigneeId', 'accountId', 'contactId', 'opportunityId', 'eventId'),
    ),
});

/** Tasks as the relation connections of other records list them. */
export const taskList = entityList(taskService, TaskConnection, TaskFilter, TaskOrder);
