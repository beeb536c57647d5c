import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { NOTE_FIELDS } from './note.fields.js';

/** A free-text note about a record. */
@ObjectType('Note', { description: 'A free-text note about an account, contact, lead, opportunity or event (see `about`).' })
export class NoteObject extends EntityNode {
  @Field({ description: NOTE_FIELDS.body })
  body!: string;

  @Field(() => ID, { nullable: true, description: `${NOTE_FIELDS.authorId} See \`author\`.` })
  authorId!: string | null;

  @Field(() => ID, { nullable: true, description: NOTE_FIELDS.accountId })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: NOTE_FIELDS.contactId })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: NOTE_FIELDS.leadId })
  leadId!: string | null;

  @Field(() => ID, { nullable: true, description: NOTE_FIELDS.opportunityId })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: NOTE_FIELDS.eventId })
  eventId!: string | null;
}

@ObjectType({ description: 'A page of notes.' })
export class NoteConnection extends Connection(NoteObject, 'Note') {}
