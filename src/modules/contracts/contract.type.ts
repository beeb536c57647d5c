import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ContractStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(ContractStatus, { name: 'ContractStatus', description: 'Lifecycle of a contract.' });

/** An agreement with an account, often from an accepted quote. */
@ObjectType('Contract', { description: 'An agreement with an account, often made from an accepted quote, possibly for an event.' })
export class ContractObject extends EntityNode {
  @Field(() => ID, { description: 'The account; see `account`.' })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The quote it was made from; see `quote`.' })
  quoteId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it covers; see `event`.' })
  eventId!: string | null;

  @Field({ description: 'Contract number, unique in the tenant.' })
  number!: string;

  @Field(() => ContractStatus, { description: 'Status.' })
  status!: ContractStatus;

  @Field({ description: 'ISO 4217 currency of the value.' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Total value of the contract.' })
  value!: unknown;

  @Field({ description: 'First day the contract applies (a date).' })
  startsOn!: Date;

  @Field(() => Date, { nullable: true, description: 'Last day the contract applies (a date); never before startsOn.' })
  endsOn!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was signed.' })
  signedAt!: Date | null;
}

@ObjectType({ description: 'A page of contracts.' })
export class ContractConnection extends Connection(ContractObject, 'Contract') {}
