import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { ACCOUNT_CONTACT_FIELDS } from './account-contact.fields.js';

/** The link between an account and a contact, with the contact's role there. */
@ObjectType('AccountContact', { description: 'The link between an account and a contact, with the role the contact has there.' })
export class AccountContactObject {
  @Field(() => ID, { description: ACCOUNT_CONTACT_FIELDS.id })
  id!: string;

  @Field(() => ID, { description: `${ACCOUNT_CONTACT_FIELDS.accountId} See \`account\`.` })
  accountId!: string;

  @Field(() => ID, { description: `${ACCOUNT_CONTACT_FIELDS.contactId} See \`contact\`.` })
  contactId!: string;

  @Field(() => String, { nullable: true, description: ACCOUNT_CONTACT_FIELDS.role })
  role!: string | null;

  @Field({ description: ACCOUNT_CONTACT_FIELDS.isPrimary })
  isPrimary!: boolean;

  @Field({ description: ACCOUNT_CONTACT_FIELDS.createdAt })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of links between accounts and contacts.' })
export class AccountContactConnection extends Connection(AccountContactObject, 'AccountContact') {}
