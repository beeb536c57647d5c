import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';

/** The link between an account and a contact, with the contact's role there. */
@ObjectType('AccountContact', { description: 'The link between an account and a contact, with the role the contact has there.' })
export class AccountContactObject {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The account; see `account`.' })
  accountId!: string;

  @Field(() => ID, { description: 'The contact; see `contact`.' })
  contactId!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Decision maker", "Billing".' })
  role!: string | null;

  @Field({ description: 'The main contact of the account.' })
  isPrimary!: boolean;

  @Field({ description: 'When the link was made.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of links between accounts and contacts.' })
export class AccountContactConnection extends Connection(AccountContactObject, 'AccountContact') {}
