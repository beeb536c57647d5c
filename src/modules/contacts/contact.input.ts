import { IsEmail, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination/page-args.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';

export enum ContactOrderField {
  LAST_NAME = 'lastName',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(ContactOrderField, { name: 'ContactOrderField' });

@InputType()
export class ContactOrder extends OrderInput(ContactOrderField) {}

@InputType({ description: 'All given conditions must hold.' })
export class ContactFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on first name, last name or email.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only contacts linked to this account.' })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string | null;
}

@ArgsType()
export class ContactsArgs extends PageArgs {
  @Field(() => ContactFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ContactFilter | null;

  @Field(() => ContactOrder, { nullable: true, description: 'Defaults to last name ascending.' })
  @IsOptional()
  @ValidateNested()
  orderBy?: ContactOrder | null;
}

@InputType()
class ContactFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 40)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  title?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;
}

@InputType()
export class CreateContactInput extends ContactFields {
  @Field()
  @Length(1, 100, { message: 'firstName must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'firstName must not be blank' })
  firstName!: string;

  @Field()
  @Length(1, 100, { message: 'lastName must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'lastName must not be blank' })
  lastName!: string;

  @Field(() => [ID], { nullable: true, description: 'Accounts to link the new contact to; it becomes the primary contact of the first one if that has none.' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'accountIds must be UUIDs' })
  accountIds?: string[] | null;
}

@InputType()
export class UpdateContactInput extends ContactFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'firstName must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'firstName must not be blank' })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'lastName must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'lastName must not be blank' })
  lastName?: string | null;
}
