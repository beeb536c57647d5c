import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class LinkContactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field(() => ID)
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
