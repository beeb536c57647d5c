import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';

/** A person at one or more accounts. */
@ObjectType('Contact', { description: 'A person at one or more accounts.' })
export class ContactObject {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  id!: string;

  @Field({ description: 'First name.' })
  firstName!: string;

  @Field({ description: 'Last name.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Email address, lower-case; unique in the tenant.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;

  @Field({ description: 'When the row was created.' })
  createdAt!: Date;

  @Field({ description: 'When the row last changed; pass it as expectedUpdatedAt to update or delete safely.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A page of contacts.' })
export class ContactConnection extends Connection(ContactObject, 'Contact') {}
