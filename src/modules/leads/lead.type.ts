import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeadSource, LeadStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(LeadSource, { name: 'LeadSource', description: 'Where a lead came from.' });
registerEnumType(LeadStatus, { name: 'LeadStatus', description: 'How far a lead has come; CONVERTED is set by convertLead.' });

/** A prospective customer not yet qualified into an account and contact. */
@ObjectType('Lead', { description: 'A prospective customer not yet converted into an account, a contact and an opportunity.' })
export class LeadObject extends EntityNode {
  @Field({ description: 'First name of the person.' })
  firstName!: string;

  @Field({ description: 'Last name of the person.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Email address of the person.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The company the person works for.' })
  company!: string | null;

  @Field(() => LeadSource, { description: 'Where the lead came from.' })
  source!: LeadSource;

  @Field(() => LeadStatus, { description: 'Qualification status.' })
  status!: LeadStatus;

  @Field(() => Int, { description: 'Lead score, 0 (cold) to 100 (hot).' })
  score!: number;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the owner; see `owner`.' })
  ownerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The account the lead was converted into; see `convertedAccount`.' })
  convertedAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact the lead was converted into; see `convertedContact`.' })
  convertedContactId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The opportunity the lead was converted into; see `convertedOpportunity`.' })
  convertedOpportunityId!: string | null;
}

@ObjectType({ description: 'A page of leads.' })
export class LeadConnection extends Connection(LeadObject, 'Lead') {}
