import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountType } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { ACCOUNT_FIELDS } from './account.fields.js';

registerEnumType(AccountType, { name: 'AccountType', description: 'Where the account stands with us.' });

/** A company or organisation the tenant does business with. */
@ObjectType('Account', { description: 'A company or organisation the tenant does business with.' })
export class AccountObject extends EntityNode {
  @Field({ description: ACCOUNT_FIELDS.name })
  name!: string;

  @Field(() => AccountType, { description: ACCOUNT_FIELDS.type })
  type!: AccountType;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.industry })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.website })
  website!: string | null;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.phone })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.city })
  city!: string | null;

  @Field(() => String, { nullable: true, description: ACCOUNT_FIELDS.country })
  country!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: ACCOUNT_FIELDS.annualRevenue })
  annualRevenue!: unknown;

  @Field(() => Int, { nullable: true, description: ACCOUNT_FIELDS.employeeCount })
  employeeCount!: number | null;

  @Field(() => ID, { nullable: true, description: `${ACCOUNT_FIELDS.ownerId} See \`owner\`.` })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of accounts.' })
export class AccountConnection extends Connection(AccountObject, 'Account') {}
