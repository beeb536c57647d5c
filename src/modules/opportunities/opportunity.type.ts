import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OpportunityStage } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(OpportunityStage, { name: 'OpportunityStage', description: 'Where a deal stands in the sales pipeline.' });

/** A potential deal with an account. */
@ObjectType('Opportunity', { description: 'A potential deal with an account: one card of the sales pipeline.' })
export class OpportunityObject extends EntityNode {
  @Field(() => ID, { description: 'The account the deal is with; see `account`.' })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The lead the deal came from; see `lead`.' })
  leadId!: string | null;

  @Field({ description: 'Name of the deal.' })
  name!: string;

  @Field(() => OpportunityStage, { description: 'Pipeline stage.' })
  stage!: OpportunityStage;

  @Field(() => DecimalScalar, { description: 'Expected value of the deal.' })
  amount!: unknown;

  @Field({ description: 'ISO 4217 currency of the amount.' })
  currency!: string;

  @Field(() => Int, { description: 'Chance of winning, in percent.' })
  probability!: number;

  @Field(() => Date, { nullable: true, description: 'When the deal is expected to close (a date).' })
  expectedCloseDate!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of opportunities.' })
export class OpportunityConnection extends Connection(OpportunityObject, 'Opportunity') {}
