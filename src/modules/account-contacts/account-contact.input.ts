import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Links a contact to an account (or changes an existing link).' })
export class LinkContactInput {
  @Field(() => ID, { description: 'The account.' })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field(() => ID, { description: 'The contact.' })
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId!: string;

  @Field(() => String, { nullable: true, description: 'Omit to keep the current role of an existing link; null clears it.' })
  @IsOptional()
  @Length(1, 100)
  role?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true makes this the primary contact (the previous primary is unset); omit to keep the current flag (false for a new link).',
  })
  isPrimary?: boolean | null;
}
