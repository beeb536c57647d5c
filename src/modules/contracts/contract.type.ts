import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ContractStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { CONTRACT_FIELDS } from './contract.fields.js';

registerEnumType(ContractStatus, { name: 'ContractStatus', description: 'Lifecycle of a contract.' });

/** An agreement with an account, often from an accepted quote. */
@ObjectType('Contract', { description: 'An agreement with an account, often made from an accepted quote, possibly for an event.' })
export class ContractObject extends EntityNode {
  @Field(() => ID, { description: `${CONTRACT_FIELDS.accountId} See \`account\`.` })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: `${CONTRACT_FIELDS.quoteId} See \`quote\`.` })
  quoteId!: string | null;

  @Field(() => ID, { nullable: true, description: `${CONTRACT_FIELDS.eventId} See \`event\`.` })
  eventId!: string | null;

  @Field({ description: CONTRACT_FIELDS.number })
  number!: string;

  @Field(() => ContractStatus, { description: CONTRACT_FIELDS.status })
  status!: ContractStatus;

  @Field({ description: CONTRACT_FIELDS.currency })
  currency!: string;

  @Field(() => DecimalScalar, { description: CONTRACT_FIELDS.value })
  value!: unknown;

  @Field({ description: CONTRACT_FIELDS.startsOn })
  startsOn!: Date;

  @Field(() => Date, { nullable: true, description: CONTRACT_FIELDS.endsOn })
  endsOn!: Date | null;

  @Field(() => Date, { nullable: true, description: CONTRACT_FIELDS.signedAt })
  signedAt!: Date | null;
}

@ObjectType({ description: 'A page of contracts.' })
export class ContractConnection extends Connection(ContractObject, 'Contract') {}
