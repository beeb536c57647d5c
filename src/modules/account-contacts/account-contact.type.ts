import { Field, ID, ObjectType } from 'type-graphql';

/** The link between an account and a contact, with the contact's role there. */
@ObjectType('AccountContact')
export class AccountContactObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID)
  contactId!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Decision maker", "Billing".' })
  role!: string | null;

  @Field({ description: 'The main contact of the account.' })
  isPrimary!: boolean;

  @Field()
  createdAt!: Date;
}
