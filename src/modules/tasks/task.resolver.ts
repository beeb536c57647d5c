import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Task } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { type TypedRow } from '../entity/typed-row.js';
import { firstSubject, SubjectUnion } from '../subjects/subject.union.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateTaskInput, TasksArgs, UpdateTaskInput } from './task.input.js';
import { taskService } from './task.service.js';
import { TaskConnection, TaskObject } from './task.type.js';

const TaskCrud = createEntityResolver({
  service: taskService,
  objectType: TaskObject,
  connectionType: TaskConnection,
  argsType: TasksArgs,
  createInput: CreateTaskInput,
  updateInput: UpdateTaskInput,
});

@Resolver(() => TaskObject)
export class TaskResolver extends TaskCrud {
  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The most specific record the task is about: event, opportunity, contact, then account.' })
  about(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<TypedRow | null> | null {
    return firstSubject(ctx, [
      ['event', task.eventId],
      ['opportunity', task.opportunityId],
      ['contact', task.contactId],
      ['account', task.accountId],
    ]);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The assigned user, from the control plane.' })
  assignee(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, task.assigneeId);
  }
}
