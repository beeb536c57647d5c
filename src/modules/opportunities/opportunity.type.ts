import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OpportunityStage } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { OPPORTUNITY_FIELDS } from './opportunity.fields.js';

registerEnumType(OpportunityStage, { name: 'OpportunityStage', description: 'Where a deal stands in the sales pipeline.' });

/** A potential deal with an account. */
@ObjectType('Opportunity', { description: 'A potential deal with an account: one card of the sales pipeline.' })
export class OpportunityObject extends EntityNode {
  @Field(() => ID, { description: `${OPPORTUNITY_FIELDS.accountId} See \`account\`.` })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: `${OPPORTUNITY_FIELDS.leadId} See \`lead\`.` })
  leadId!: string | null;

  @Field({ description: OPPORTUNITY_FIELDS.name })
  name!: string;

  @Field(() => OpportunityStage, { description: OPPORTUNITY_FIELDS.stage })
  stage!: OpportunityStage;

  @Field(() => DecimalScalar, { description: OPPORTUNITY_FIELDS.amount })
  amount!: unknown;

  @Field({ description: OPPORTUNITY_FIELDS.currency })
  currency!: string;

  @Field(() => Int, { description: OPPORTUNITY_FIELDS.probability })
  probability!: number;

  @Field(() => Date, { nullable: true, description: OPPORTUNITY_FIELDS.expectedCloseDate })
  expectedCloseDate!: Date | null;

  @Field(() => ID, { nullable: true, description: `${OPPORTUNITY_FIELDS.ownerId} See \`owner\`.` })
  ownerId!: string | null;
}

@ObjectType({ description: 'A page of opportunities.' })
export class OpportunityConnection extends Connection(OpportunityObject, 'Opportunity') {}
