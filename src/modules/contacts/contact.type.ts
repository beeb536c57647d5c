import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { CONTACT_FIELDS } from './contact.fields.js';

/** A person at one or more accounts. */
@ObjectType('Contact', { description: 'A person at one or more accounts.' })
export class ContactObject extends EntityNode {
  @Field({ description: CONTACT_FIELDS.firstName })
  firstName!: string;

  @Field({ description: CONTACT_FIELDS.lastName })
  lastName!: string;

  @Field(() => String, { nullable: true, description: CONTACT_FIELDS.email })
  email!: string | null;

  @Field(() => String, { nullable: true, description: CONTACT_FIELDS.phone })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: CONTACT_FIELDS.title })
  title!: string | null;

  @Field(() => ID, { nullable: true, description: `${CONTACT_FIELDS.ownerId} See \`owner\`.` })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of contacts.' })
export class ContactConnection extends Connection(ContactObject, 'Contact') {}
