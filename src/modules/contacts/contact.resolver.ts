import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Contact } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountContactList } from '../account-contacts/account-contact.list.js';
import { accountList } from '../accounts/account.service.js';
import { attachmentsOn, notesOf, tasksOf } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { communicationsOf } from '../communications/communication.service.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { linkedThrough, linksThrough } from '../entity/relation-page.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { ContactsArgs, CreateContactInput, UpdateContactInput } from './contact.input.js';
import { contactService } from './contact.service.js';
import { ContactConnection, ContactObject } from './contact.type.js';

const ContactCrud = createEntityResolver({
  service: contactService,
  objectType: ContactObject,
  connectionType: ContactConnection,
  argsType: ContactsArgs,
  createInput: CreateContactInput,
  updateInput: UpdateContactInput,
});

@Resolver(() => ContactObject)
export class ContactResolver extends withRelations(ContactCrud, ContactObject, {
  accounts: hasMany(accountList, linkedThrough('contact', 'accounts', 'account'), 'Accounts this contact is linked to.'),
  accountLinks: hasMany(accountContactList, linksThrough('contact', 'accounts', 'account'), 'The links behind `accounts`, with role and primary flag, oldest first.'),
  communications: communicationsOf('contact'),
  tasks: tasksOf('contact'),
  notes: notesOf('contact'),
  attachments: attachmentsOn(AttachmentSubjectType.CONTACT),
}) {
  @FieldResolver(() => String, { description: 'First and last name.' })
  fullName(@Root() contact: Contact): string {
    return `${contact.firstName} ${contact.lastName}`;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, contact.ownerId);
  }
}
