import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

/** A free-text note about a record. */
@ObjectType('Note', { description: 'A free-text note about an account, contact, lead, opportunity or event (see `about`).' })
export class NoteObject extends EntityNode {
  @Field({ description: 'The text.' })
  body!: string;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the author; see `author`.' })
  authorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The account it is about.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact it is about.' })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The lead it is about.' })
  leadId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The opportunity it is about.' })
  opportunityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it is about.' })
  eventId!: string | null;
}

@ObjectType({ description: 'A page of notes.' })
export class NoteConnection extends Connection(NoteObject, 'Note') {}
