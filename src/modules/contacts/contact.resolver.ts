import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Communication, type Contact, type Opportunity } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountLinksByContact } from '../account-contacts/account-contact.loaders.js';
import { AccountContactObject } from '../account-contacts/account-contact.type.js';
import { AccountObject } from '../accounts/account.type.js';
import { withActivity } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { communicationsByContact } from '../communications/communication.loaders.js';
import { CommunicationObject } from '../communications/communication.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { opportunitiesByAccount } from '../opportunities/opportunity.service.js';
import { OpportunityObject } from '../opportunities/opportunity.type.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { ContactsArgs, CreateContactInput, UpdateContactInput } from './contact.input.js';
import { contactService } from './contact.service.js';
import { ContactConnection, ContactObject } from './contact.type.js';

const ContactCrud = createEntityResolver({
  service: contactService,
  one: 'contact',
  many: 'contacts',
  typeName: 'Contact',
  noun: 'contacts',
  objectType: ContactObject,
  connectionType: ContactConnection,
  argsType: ContactsArgs,
  createInput: CreateContactInput,
  updateInput: UpdateContactInput,
});

@Resolver(() => ContactObject)
export class ContactResolver extends withActivity(ContactCrud, { type: ContactObject, tasks: 'contactId', notes: 'contactId', attachments: AttachmentSubjectType.CONTACT }) {
  @FieldResolver(() => String, { description: 'First and last name.' })
  fullName(@Root() contact: Contact): string {
    return `${contact.firstName} ${contact.lastName}`;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, contact.ownerId);
  }

  @FieldResolver(() => [AccountObject], { description: 'Accounts this contact is linked to, primary links first.' })
  async accounts(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<AccountObject[]> {
    const links = await accountLinksByContact(ctx).load(contact.id);
    return links.map((link) => link.account);
  }

  @FieldResolver(() => [AccountContactObject], { description: 'The links behind `accounts`, with role and primary flag.' })
  accountLinks(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<AccountContactObject[]> {
    return accountLinksByContact(ctx).load(contact.id);
  }

  @FieldResolver(() => [OpportunityObject], { description: "The deals of this contact's accounts." })
  async opportunities(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<Opportunity[]> {
    const links = await accountLinksByContact(ctx).load(contact.id);
    const perAccount = await opportunitiesByAccount(ctx).loadMany(links.map((link) => link.accountId));
    return perAccount.flatMap((rows) => {
      if (rows instanceof Error) {
        throw rows;
      }
      return rows;
    });
  }

  @FieldResolver(() => [CommunicationObject], { description: 'Emails, calls, meetings and messages with the contact, newest first.' })
  communications(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<Communication[]> {
    return communicationsByContact(ctx).load(contact.id);
  }
}
