import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(AccountType, { name: 'AccountType', description: 'Where the account stands with us.' });

/** A company or organisation the tenant does business with. */
@ObjectType('Account', { description: 'A company or organisation the tenant does business with.' })
export class AccountObject extends EntityNode {
  @Field({ description: 'Name of the company or organisation.' })
  name!: string;

  @Field(() => AccountType, { description: 'Where the account stands with us.' })
  type!: AccountType;

  @Field(() => String, { nullable: true, description: 'Industry, free text.' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'Main phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'City of the main office.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Yearly revenue, exact.' })
  annualRevenue!: unknown;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  employeeCount!: number | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of accounts.' })
export class AccountConnection extends Connection(AccountObject, 'Account') {}
