import { IsEmail, IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
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
  @OptionalText(200, { description: 'Case-insensitive match on first name, last name or email.' })
  search?: string | null;

  @OptionalId({ description: 'Only contacts linked to this account.' })
  accountId?: string | null;
}

@ArgsType()
export class ContactsArgs extends ListArgsOf(ContactFilter, ContactOrder, 'last name ascending') {}

@InputType()
class ContactFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string | null;

  @OptionalText(40, { min: 3 })
  phone?: string | null;

  @OptionalText(100, { description: 'Job title.' })
  title?: string | null;

  @OptionalId()
  ownerId?: string | null;
}

@InputType()
export class CreateContactInput extends ContactFields {
  @RequiredName(100)
  firstName!: string;

  @RequiredName(100)
  lastName!: string;

  @Field(() => [ID], { nullable: true, description: 'Accounts to link the new contact to; it becomes the primary contact of the first one if that has none.' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'accountIds must be UUIDs' })
  accountIds?: string[] | null;
}

@InputType()
export class UpdateContactInput extends ContactFields {
  @OptionalName(100)
  firstName?: string | null;

  @OptionalName(100)
  lastName?: string | null;
}
