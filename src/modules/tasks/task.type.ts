import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Progress of a task.' });
registerEnumType(TaskPriority, { name: 'TaskPriority', description: 'Urgency of a task.' });

/** A to-do for a user, about an account, contact, opportunity or event. */
@ObjectType('Task', { description: 'A to-do assigned to a user, about an account, a contact, an opportunity or an event (see `about`).' })
export class TaskObject extends EntityNode {
  @Field({ description: 'What to do.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description!: string | null;

  @Field(() => TaskStatus, { description: 'Progress.' })
  status!: TaskStatus;

  @Field(() => TaskPriority, { description: 'Urgency.' })
  priority!: TaskPriority;

  @Field(() => Date, { nullable: true, description: 'When it is due.' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was done.' })
  completedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the assignee; see `assignee`.' })
  assigneeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The account it is about.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact it is about.' })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The opportunity it is about.' })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it is about.' })
  eventId!: string | null;
}

@ObjectType({ description: 'A page of tasks.' })
export class TaskConnection extends Connection(TaskObject, 'Task') {}
