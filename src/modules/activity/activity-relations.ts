import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Attachment, type Note, type Task } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { type AttachmentSubjectType } from '../attachments/attachment.input.js';
import { AttachmentObject } from '../attachments/attachment.type.js';
import { NoteObject } from '../notes/note.type.js';
import { TaskObject } from '../tasks/task.type.js';
import { type ActivityKey, attachmentsOf, notesBy, tasksBy } from './activity-loaders.js';

// Library seam: a TypeScript mixin's base must be typed as a constructor taking `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResolverClass = abstract new (...args: any[]) => object;

/** Which activity a record has: the column tasks and notes point at it by, and its attachment type. */
export interface ActivityOptions {
  /** The entity's object type, which the fields are added to. */
  type: ClassType;
  tasks?: ActivityKey;
  notes?: ActivityKey;
  attachments: AttachmentSubjectType;
}

type Identified = { id: string };

function withTasks<TBase extends ResolverClass>(Base: TBase, type: ClassType, key: ActivityKey) {
  const loader = tasksBy(key);
  @Resolver(() => type)
  abstract class TaskRelations extends Base {
    @FieldResolver(() => [TaskObject], { description: 'Tasks about this record, the soonest due first.' })
    tasks(@Root() row: Identified, @Ctx() ctx: RequestContext): Promise<Task[]> {
      return loader(ctx).load(row.id);
    }
  }
  return TaskRelations;
}

function withNotes<TBase extends ResolverClass>(Base: TBase, type: ClassType, key: ActivityKey) {
  const loader = notesBy(key);
  @Resolver(() => type)
  abstract class NoteRelations extends Base {
    @FieldResolver(() => [NoteObject], { description: 'Notes about this record, newest first.' })
    notes(@Root() row: Identified, @Ctx() ctx: RequestContext): Promise<Note[]> {
      return loader(ctx).load(row.id);
    }
  }
  return NoteRelations;
}

function withAttachments<TBase extends ResolverClass>(Base: TBase, type: ClassType, subjectType: AttachmentSubjectType) {
  const loader = attachmentsOf(subjectType);
  @Resolver(() => type)
  abstract class AttachmentRelations extends Base {
    @FieldResolver(() => [AttachmentObject], { description: 'Files attached to this record, newest first.' })
    attachments(@Root() row: Identified, @Ctx() ctx: RequestContext): Promise<Attachment[]> {
      return loader(ctx).load(row.id);
    }
  }
  return AttachmentRelations;
}

/**
 * Adds a record's `tasks`, `notes` and `attachments` fields, each batched per request, to an entity
 * resolver (type-graphql resolver inheritance), so every module declares them in one line.
 */
export function withActivity<TBase extends ResolverClass>(Base: TBase, options: ActivityOptions) {
  const tasks = options.tasks ? withTasks(Base, options.type, options.tasks) : Base;
  const notes = options.notes ? withNotes(tasks, options.type, options.notes) : tasks;
  return withAttachments(notes, options.type, options.attachments);
}
