import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

/** A person at one or more accounts. */
@ObjectType('Contact', { description: 'A person at one or more accounts.' })
export class ContactObject extends EntityNode {
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
}

@ObjectType({ description: 'A page of contacts.' })
export class ContactConnection extends Connection(ContactObject, 'Contact') {}
