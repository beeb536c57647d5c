import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { EmailField, PhoneField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { CONTACT_FIELDS } from './contact.fields.js';

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
  @EmailField({ description: CONTACT_FIELDS.email })
  email?: string | null;

  @PhoneField({ description: CONTACT_FIELDS.phone })
  phone?: string | null;

  @OptionalText(100, { description: CONTACT_FIELDS.title })
  title?: string | null;

  @OptionalId({ description: `${CONTACT_FIELDS.ownerId} The owner must be a member of this tenant.` })
  ownerId?: string | null;
}

@InputType({ description: 'A new contact.' })
export class CreateContactInput extends ContactFields {
  @RequiredName(100, { description: CONTACT_FIELDS.firstName })
  firstName!: string;

  @RequiredName(100, { description: CONTACT_FIELDS.lastName })
  lastName!: string;

  @Field(() => [ID], { nullable: true, description: CONTACT_FIELDS.accountIds })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'accountIds must be UUIDs' })
  accountIds?: string[] | null;
}

@InputType({ description: 'Changes to a contact: omitted fields are kept, null clears an optional one.' })
export class UpdateContactInput extends ContactFields {
  @OptionalName(100, { description: CONTACT_FIELDS.firstName })
  firstName?: string | null;

  @OptionalName(100, { description: CONTACT_FIELDS.lastName })
  lastName?: string | null;
}
