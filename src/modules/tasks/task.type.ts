import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { TASK_FIELDS } from './task.fields.js';

registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Progress of a task.' });
registerEnumType(TaskPriority, { name: 'TaskPriority', description: 'Urgency of a task.' });

/** A to-do for a user, about an account, contact, opportunity or event. */
@ObjectType('Task', { description: 'A to-do assigned to a user, about an account, a contact, an opportunity or an event (see `about`).' })
export class TaskObject extends EntityNode {
  @Field({ description: TASK_FIELDS.title })
  title!: string;

  @Field(() => String, { nullable: true, description: TASK_FIELDS.description })
  description!: string | null;

  @Field(() => TaskStatus, { description: TASK_FIELDS.status })
  status!: TaskStatus;

  @Field(() => TaskPriority, { description: TASK_FIELDS.priority })
  priority!: TaskPriority;

  @Field(() => Date, { nullable: true, description: TASK_FIELDS.dueAt })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: TASK_FIELDS.completedAt })
  completedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: `${TASK_FIELDS.assigneeId} See \`assignee\`.` })
  assigneeId!: string | null;

  @Field(() => ID, { nullable: true, description: TASK_FIELDS.accountId })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: TASK_FIELDS.contactId })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: TASK_FIELDS.opportunityId })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: TASK_FIELDS.eventId })
  eventId!: string | null;
}

@ObjectType({ description: 'A page of tasks.' })
export class TaskConnection extends Connection(TaskObject, 'Task') {}
