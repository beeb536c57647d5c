import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { EmailField, PhoneField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';

export enum ContactOrderField {
  LAST_NAME = 'lastName',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(ContactOrderField, { name: 'ContactOrderField', description: 'Fields contacts can be sorted by.' });

@InputType({ description: 'How to sort contacts.' })
export class ContactOrder extends OrderInput(ContactOrderField) {}

@InputType({ description: 'Conditions on contacts; all given ones must hold.' })
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
  @EmailField({ description: 'Email address; unique in the tenant, stored lower-case.' })
  email?: string | null;

  @PhoneField({ description: 'Phone number.' })
  phone?: string | null;

  @OptionalText(100, { description: 'Job title.' })
  title?: string | null;

  @OptionalId({ description: 'Owner: a member of this tenant.' })
  ownerId?: string | null;
}

@InputType({ description: 'A new contact.' })
export class CreateContactInput extends ContactFields {
  @RequiredName(100, { description: 'First name.' })
  firstName!: string;

  @RequiredName(100, { description: 'Last name.' })
  lastName!: string;

  @Field(() => [ID], { nullable: true, description: 'Accounts to link the new contact to; it becomes the primary contact of the first one if that has none.' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'accountIds must be UUIDs' })
  accountIds?: string[] | null;
}

@InputType({ description: 'Changes to a contact: omitted fields are kept, null clears an optional one.' })
export class UpdateContactInput extends ContactFields {
  @OptionalName(100, { description: 'First name.' })
  firstName?: string | null;

  @OptionalName(100, { description: 'Last name.' })
  lastName?: string | null;
}
