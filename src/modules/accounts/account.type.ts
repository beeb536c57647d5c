import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';

registerEnumType(AccountType, { name: 'AccountType', description: 'Where the account stands with us.' });

/** A company or organisation the tenant does business with. */
@ObjectType('Account')
export class AccountObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AccountType)
  type!: AccountType;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  annualRevenue!: unknown;

  @Field(() => Int, { nullable: true })
  employeeCount!: number | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class AccountConnection extends Connection(AccountObject, 'Account') {}
