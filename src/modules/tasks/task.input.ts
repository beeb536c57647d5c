import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../../generated/tenant/enums.js';
import { DateField, EnumField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { SubjectFields, SubjectFilterFields } from '../subjects/subject.input.js';
import { TASK_FIELDS } from './task.fields.js';

export enum TaskOrderField {
  DUE_AT = 'dueAt',
  PRIORITY = 'priority',
  TITLE = 'title',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(TaskOrderField, { name: 'TaskOrderField', description: 'Fields tasks can be sorted by.' });

@InputType({ description: 'How to sort tasks.' })
export class TaskOrder extends OrderInput(TaskOrderField) {}

@InputType({ description: 'Conditions on tasks; all given ones must hold.' })
export class TaskFilter extends SubjectFilterFields {
  @OptionalText(200, { description: 'Case-insensitive match on the title.' })
  search?: string | null;

  @EnumField(TaskStatus, { description: 'Only tasks with this status.' })
  status?: TaskStatus | null;

  @EnumField(TaskPriority, { description: 'Only tasks with this priority.' })
  priority?: TaskPriority | null;

  @OptionalId({ description: 'Only tasks assigned to this user.' })
  assigneeId?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Only tasks due in this range ("due before": give only `to`).' })
  dueAt?: DateRange | null;
}

@ArgsType()
export class TasksArgs extends ListArgsOf(TaskFilter, TaskOrder, 'due date ascending') {}

@InputType()
class TaskFields extends SubjectFields {
  @OptionalText(5000, { description: TASK_FIELDS.description })
  description?: string | null;

  @EnumField(TaskStatus, { description: `${TASK_FIELDS.status} Default OPEN.` })
  status?: TaskStatus | null;

  @EnumField(TaskPriority, { description: `${TASK_FIELDS.priority} Default NORMAL.` })
  priority?: TaskPriority | null;

  @DateField({ description: TASK_FIELDS.dueAt })
  dueAt?: Date | null;

  @DateField({ description: TASK_FIELDS.completedAt })
  completedAt?: Date | null;

  @OptionalId({ description: `${TASK_FIELDS.assigneeId} The assignee must be a member of this tenant.` })
  assigneeId?: string | null;
}

@InputType({ description: 'A new task.' })
export class CreateTaskInput extends TaskFields {
  @RequiredName(200, { description: TASK_FIELDS.title })
  title!: string;
}

@InputType({ description: 'Changes to a task: omitted fields are kept, null clears an optional one.' })
export class UpdateTaskInput extends TaskFields {
  @OptionalName(200, { description: TASK_FIELDS.title })
  title?: string | null;
}
