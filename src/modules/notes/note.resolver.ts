import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Note } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { type TypedRow } from '../entity/typed-row.js';
import { firstSubject, SubjectUnion } from '../subjects/subject.union.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateNoteInput, NotesArgs, UpdateNoteInput } from './note.input.js';
import { noteService } from './note.service.js';
import { NoteConnection, NoteObject } from './note.type.js';

const NoteCrud = createEntityResolver({
  service: noteService,
  objectType: NoteObject,
  connectionType: NoteConnection,
  argsType: NotesArgs,
  createInput: CreateNoteInput,
  updateInput: UpdateNoteInput,
});

@Resolver(() => NoteObject)
export class NoteResolver extends NoteCrud {
  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The most specific record the note is about: event, opportunity, lead, contact, then account.' })
  about(@Root() note: Note, @Ctx() ctx: RequestContext): Promise<TypedRow | null> | null {
    return firstSubject(ctx, [
      ['event', note.eventId],
      ['opportunity', note.opportunityId],
      ['lead', note.leadId],
      ['contact', note.contactId],
      ['account', note.accountId],
    ]);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who wrote it, from the control plane.' })
  author(@Root() note: Note, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, note.authorId);
  }
}
