import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Event, type Lead, type Opportunity, type Quote } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { withActivity } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasManyLoader, loadOptional } from '../entity/relation-loaders.js';
import { EventObject } from '../events/event.type.js';
import { leadById } from '../leads/lead.service.js';
import { LeadObject } from '../leads/lead.type.js';
import { QuoteObject } from '../quotes/quote.type.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateOpportunityInput, OpportunitiesArgs, UpdateOpportunityInput } from './opportunity.input.js';
import { opportunityService } from './opportunity.service.js';
import { OpportunityConnection, OpportunityObject } from './opportunity.type.js';

const eventsByOpportunity = hasManyLoader<Event>('event', 'opportunityId');
const quotesByOpportunity = hasManyLoader<Quote>('quote', 'opportunityId');

const OpportunityCrud = createEntityResolver({
  service: opportunityService,
  one: 'opportunity',
  many: 'opportunities',
  typeName: 'Opportunity',
  noun: 'opportunities',
  objectType: OpportunityObject,
  connectionType: OpportunityConnection,
  argsType: OpportunitiesArgs,
  createInput: CreateOpportunityInput,
  updateInput: UpdateOpportunityInput,
});

@Resolver(() => OpportunityObject)
export class OpportunityResolver extends withActivity(OpportunityCrud, { type: OpportunityObject,
  tasks: 'opportunityId',
  notes: 'opportunityId',
  attachments: AttachmentSubjectType.OPPORTUNITY,
}) {
  @FieldResolver(() => AccountObject, { description: 'The account the deal is with.' })
  account(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(opportunity.accountId);
  }

  @FieldResolver(() => LeadObject, { nullable: true, description: 'The lead it came from.' })
  lead(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Lead | null> | null {
    return loadOptional(leadById(ctx), opportunity.leadId);
  }

  @FieldResolver(() => [EventObject], { description: 'Events of this deal.' })
  events(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Event[]> {
    return eventsByOpportunity(ctx).load(opportunity.id);
  }

  @FieldResolver(() => [QuoteObject], { description: 'Quotes of this deal.' })
  quotes(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<Quote[]> {
    return quotesByOpportunity(ctx).load(opportunity.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() opportunity: Opportunity, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, opportunity.ownerId);
  }
}
