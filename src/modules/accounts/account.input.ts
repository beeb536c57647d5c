import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { AmountField, EnumField, IntField, PhoneField, UrlField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';

export enum AccountOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(AccountOrderField, { name: 'AccountOrderField', description: 'Fields accounts can be sorted by.' });

@InputType({ description: 'How to sort accounts.' })
export class AccountOrder extends OrderInput(AccountOrderField) {}

@InputType({ description: 'Conditions on accounts; all given ones must hold.' })
export class AccountFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the name.' })
  search?: string | null;

  @EnumField(AccountType, { description: 'Only accounts of this type.' })
  type?: AccountType | null;

  @OptionalId({ description: 'Only accounts owned by this user.' })
  ownerId?: string | null;
}

@ArgsType()
export class AccountsArgs extends ListArgsOf(AccountFilter, AccountOrder, 'name ascending') {}

/** Fields shared by create and update; on update, omitted fields stay and null clears. */
@InputType()
class AccountFields {
  @EnumField(AccountType, { description: 'Where the account stands with us (default PROSPECT).' })
  type?: AccountType | null;

  @OptionalText(100, { description: 'Industry, free text.' })
  industry?: string | null;

  @UrlField({ description: 'Website URL.' })
  website?: string | null;

  @PhoneField({ description: 'Main phone number.' })
  phone?: string | null;

  @OptionalText(100, { description: 'City of the main office.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. DE.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string | null;

  @AmountField({ description: 'Yearly revenue, exact.' })
  annualRevenue?: string | null;

  @IntField(0, 10_000_000, { description: 'Number of employees.' })
  employeeCount?: number | null;

  @OptionalId({ description: 'Owner: a member of this tenant.' })
  ownerId?: string | null;
}

@InputType({ description: 'A new account.' })
export class CreateAccountInput extends AccountFields {
  @RequiredName(200, { description: 'Name of the company or organisation.' })
  name!: string;
}

@InputType({ description: 'Changes to an account: omitted fields are kept, null clears an optional one.' })
export class UpdateAccountInput extends AccountFields {
  @OptionalName(200, { description: 'Name of the company or organisation.' })
  name?: string | null;
}
