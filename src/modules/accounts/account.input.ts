import { IsEnum, IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { ListArgsOf } from '../entity/entity-inputs.js';

export enum AccountOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(AccountOrderField, { name: 'AccountOrderField' });

@InputType()
export class AccountOrder extends OrderInput(AccountOrderField) {}

@InputType({ description: 'All given conditions must hold.' })
export class AccountFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the name.' })
  search?: string | null;

  @Field(() => AccountType, { nullable: true })
  type?: AccountType | null;

  @OptionalId()
  ownerId?: string | null;
}

@ArgsType()
export class AccountsArgs extends ListArgsOf(AccountFilter, AccountOrder, 'name ascending') {}

/** Fields shared by create and update; on update, omitted fields stay and null clears. */
@InputType()
class AccountFields {
  @Field(() => AccountType, { nullable: true })
  @IsOptional()
  @IsEnum(AccountType)
  type?: AccountType | null;

  @OptionalText(100)
  industry?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({}, { message: 'website must be a URL such as https://example.com' })
  website?: string | null;

  @OptionalText(40, { min: 3 })
  phone?: string | null;

  @OptionalText(100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  annualRevenue?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employeeCount?: number | null;

  @OptionalId()
  ownerId?: string | null;
}

@InputType()
export class CreateAccountInput extends AccountFields {
  @RequiredName(200)
  name!: string;
}

@InputType()
export class UpdateAccountInput extends AccountFields {
  @OptionalName(200)
  name?: string | null;
}
