import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Lead, type Opportunity } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { attachmentsOn, notesOf, tasksOf } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { childrenThrough } from '../entity/relation-page.js';
import { eventList } from '../events/event.service.js';
import { leadById } from '../leads/lead.service.js';
import { LeadObject } from '../leads/lead.type.js';
import { quoteList } from '../quotes/quote.service.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateOpportunityInput, OpportunitiesArgs, UpdateOpportunityInput } from './opportunity.input.js';
import { opportunityService } from './opportunity.service.js';
import { OpportunityConnection, OpportunityObject } from './opportunity.type.js';

const OpportunityCrud = createEntityResolver({
  service: opportunityService,
  objectType: OpportunityObject,
  connectionType: OpportunityConnection,
  argsType: OpportunitiesArgs,
  createInput: CreateOpportunityInput,
  updateInput: UpdateOpportunityInput,
});

@Resolver(() => OpportunityObject)
export class OpportunityResolver extends withRelations(OpportunityCrud, OpportunityObject, {
  events: hasMany(eventList, childrenThrough('opportunity', 'events'), 'Events of this deal.'),
  quotes: hasMany(quoteList, childrenThrough('opportunity', 'quotes'), 'Quotes of this deal.'),
  tasks: tasksOf('opportunity'),
  notes: notesOf('opportunity'),
  attachments: attachmentsOn(AttachmentSubjectType.OPPORTUNITY),
}) {
  @FieldResolver(() => AccountObject, { description: 'The account the deal is with.' })
  account(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(opportunity.accountId);
  }

  @FieldResolver(() => LeadObject, { nullable: true, description: 'The lead it came from.' })
  lead(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Lead | null> | null {
    return loadOptional(leadById(ctx), opportunity.leadId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, opportunity.ownerId);
  }
}
