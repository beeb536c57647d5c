import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeadSource, LeadStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { LEAD_FIELDS } from './lead.fields.js';

registerEnumType(LeadSource, { name: 'LeadSource', description: 'Where a lead came from.' });
registerEnumType(LeadStatus, { name: 'LeadStatus', description: 'How far a lead has come; CONVERTED is set by convertLead.' });

/** A prospective customer not yet qualified into an account and contact. */
@ObjectType('Lead', { description: 'A prospective customer not yet converted into an account, a contact and an opportunity.' })
export class LeadObject extends EntityNode {
  @Field({ description: LEAD_FIELDS.firstName })
  firstName!: string;

  @Field({ description: LEAD_FIELDS.lastName })
  lastName!: string;

  @Field(() => String, { nullable: true, description: LEAD_FIELDS.email })
  email!: string | null;

  @Field(() => String, { nullable: true, description: LEAD_FIELDS.company })
  company!: string | null;

  @Field(() => LeadSource, { description: LEAD_FIELDS.source })
  source!: LeadSource;

  @Field(() => LeadStatus, { description: LEAD_FIELDS.status })
  status!: LeadStatus;

  @Field(() => Int, { description: LEAD_FIELDS.score })
  score!: number;

  @Field(() => ID, { nullable: true, description: `${LEAD_FIELDS.ownerId} See \`owner\`.` })
  ownerId!: string | null;

  @Field(() => ID, { nullable: true, description: `${LEAD_FIELDS.convertedAccountId} See \`convertedAccount\`.` })
  convertedAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: `${LEAD_FIELDS.convertedContactId} See \`convertedContact\`.` })
  convertedContactId!: string | null;

  @Field(() => ID, { nullable: true, description: `${LEAD_FIELDS.convertedOpportunityId} See \`convertedOpportunity\`.` })
  convertedOpportunityId!: string | null;
}

@ObjectType({ description: 'A page of leads.' })
export class LeadConnection extends Connection(LeadObject, 'Lead') {}
