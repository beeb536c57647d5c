import { Length, Matches } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { OptionalId, OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { SubjectFields, SubjectFilterFields } from '../subjects/subject.input.js';
import { NOTE_FIELDS } from './note.fields.js';

export enum NoteOrderField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(NoteOrderField, { name: 'NoteOrderField', description: 'Fields notes can be sorted by.' });

@InputType({ description: 'How to sort notes.' })
export class NoteOrder extends OrderInput(NoteOrderField) {}

@InputType({ description: 'Conditions on notes; all given ones must hold.' })
export class NoteFilter extends SubjectFilterFields {
  @OptionalText(200, { description: 'Case-insensitive match on the text.' })
  search?: string | null;

  @OptionalId({ description: 'Only those about this lead.' })
  leadId?: string | null;

  @OptionalId({ description: 'Only notes written by this user.' })
  authorId?: string | null;
}

@ArgsType()
export class NotesArgs extends ListArgsOf(NoteFilter, NoteOrder, 'creation ascending') {}

@InputType({ description: 'A new note; its author is the caller.' })
export class CreateNoteInput extends SubjectFields {
  @Field({ description: `${NOTE_FIELDS.body} Between 1 and 20000 characters.` })
  @Length(1, 20_000, { message: 'body must be 1 to 20000 characters' })
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  @OptionalId({ description: NOTE_FIELDS.leadId })
  leadId?: string | null;
}

@InputType({ description: 'Changes to a note: omitted fields are kept, null clears an optional one.' })
export class UpdateNoteInput extends SubjectFields {
  @OptionalText(20_000, { description: NOTE_FIELDS.body })
  body?: string | null;

  @OptionalId({ description: NOTE_FIELDS.leadId })
  leadId?: string | null;
}
