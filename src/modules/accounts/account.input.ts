import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { AmountField, EnumField, IntField, PhoneField, UrlField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { ACCOUNT_FIELDS } from './account.fields.js';

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
  @EnumField(AccountType, { description: `${ACCOUNT_FIELDS.type} Default PROSPECT.` })
  type?: AccountType | null;

  @OptionalText(100, { description: ACCOUNT_FIELDS.industry })
  industry?: string | null;

  @UrlField({ description: ACCOUNT_FIELDS.website })
  website?: string | null;

  @PhoneField({ description: ACCOUNT_FIELDS.phone })
  phone?: string | null;

  @OptionalText(100, { description: ACCOUNT_FIELDS.city })
  city?: string | null;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.country })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string | null;

  @AmountField({ description: ACCOUNT_FIELDS.annualRevenue })
  annualRevenue?: string | null;

  @IntField(0, 10_000_000, { description: ACCOUNT_FIELDS.employeeCount })
  employeeCount?: number | null;

  @OptionalId({ description: `${ACCOUNT_FIELDS.ownerId} The owner must be a member of this tenant.` })
  ownerId?: string | null;
}

@InputType({ description: 'A new account.' })
export class CreateAccountInput extends AccountFields {
  @RequiredName(200, { description: ACCOUNT_FIELDS.name })
  name!: string;
}

@InputType({ description: 'Changes to an account: omitted fields are kept, null clears an optional one.' })
export class UpdateAccountInput extends AccountFields {
  @OptionalName(200, { description: ACCOUNT_FIELDS.name })
  name?: string | null;
}
