import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ACCOUNT_CONTACT_FIELDS } from './account-contact.fields.js';

@InputType({ description: 'Links a contact to an account (or changes an existing link).' })
export class LinkContactInput {
  @Field(() => ID, { description: ACCOUNT_CONTACT_FIELDS.accountId })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field(() => ID, { description: ACCOUNT_CONTACT_FIELDS.contactId })
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId!: string;

  @Field(() => String, { nullable: true, description: `${ACCOUNT_CONTACT_FIELDS.role} Omit to keep the current role of an existing link; null clears it.` })
  @IsOptional()
  @Length(1, 100)
  role?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `${ACCOUNT_CONTACT_FIELDS.isPrimary} true makes this the primary contact (the previous primary is unset); omit to keep the current flag (false for a new link).`,
  })
  isPrimary?: boolean | null;
}
