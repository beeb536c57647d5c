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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  role?: string | null;

  @Field({ defaultValue: false, description: 'Make this the primary contact (the previous primary is unset).' })
  isPrimary!: boolean;
}
