import { IsEnum, IsInt, IsOptional, IsUrl, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { PageArgs } from '../../graphql/pagination/page-args.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';

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
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the name.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;

  @Field(() => AccountType, { nullable: true })
  type?: AccountType | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;
}

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => AccountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AccountFilter | null;

  @Field(() => AccountOrder, { nullable: true, description: 'Defaults to name ascending.' })
  @IsOptional()
  @ValidateNested()
  orderBy?: AccountOrder | null;
}

/** Fields shared by create and update; on update, omitted fields stay and null clears. */
@InputType()
class AccountFields {
  @Field(() => AccountType, { nullable: true })
  @IsOptional()
  @IsEnum(AccountType)
  type?: AccountType | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  industry?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({}, { message: 'website must be a URL such as https://example.com' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 40)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
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

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string | null;
}

@InputType()
export class CreateAccountInput extends AccountFields {
  @Field()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

@InputType()
export class UpdateAccountInput extends AccountFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string | null;
}
