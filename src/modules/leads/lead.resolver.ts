import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Contact, type Lead, type Opportunity } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { attachmentsOn, notesOf } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { communicationsOf } from '../communications/communication.service.js';
import { contactById } from '../contacts/contact.service.js';
import { ContactObject } from '../contacts/contact.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { withRelations } from '../entity/relation-fields.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { opportunityById } from '../opportunities/opportunity.service.js';
import { OpportunityObject } from '../opportunities/opportunity.type.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateLeadInput, LeadsArgs, UpdateLeadInput } from './lead.input.js';
import { leadService } from './lead.service.js';
import { LeadConnection, LeadObject } from './lead.type.js';

const LeadCrud = createEntityResolver({
  service: leadService,
  objectType: LeadObject,
  connectionType: LeadConnection,
  argsType: LeadsArgs,
  createInput: CreateLeadInput,
  updateInput: UpdateLeadInput,
});

@Resolver(() => LeadObject)
export class LeadResolver extends withRelations(LeadCrud, LeadObject, {
  communications: communicationsOf('lead'),
  notes: notesOf('lead'),
  attachments: attachmentsOn(AttachmentSubjectType.LEAD),
}) {
  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() lead: Lead, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, lead.ownerId);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: 'The account the lead was converted into.' })
  convertedAccount(@Root() lead: Lead, @Ctx() ctx: RequestContext): Promise<Account | null> | null {
    return loadOptional(accountById(ctx), lead.convertedAccountId);
  }

  @FieldResolver(() => ContactObject, { nullable: true, description: 'The contact the lead was converted into.' })
  convertedContact(@Root() lead: Lead, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return loadOptional(contactById(ctx), lead.convertedContactId);
  }

  @FieldResolver(() => OpportunityObject, { nullable: true, description: 'The opportunity the lead was converted into.' })
  convertedOpportunity(@Root() lead: Lead, @Ctx() ctx: RequestContext): Promise<Opportunity | null> | null {
    return loadOptional(opportunityById(ctx), lead.convertedOpportunityId);
  }
}
