import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountContactList } from '../account-contacts/account-contact.list.js';
import { attachmentsOn, notesOf, tasksOf } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { communicationsOf } from '../communications/communication.service.js';
import { contactList } from '../contacts/contact.service.js';
import { contractList } from '../contracts/contract.service.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { childrenThrough, linkedThrough, linksThrough } from '../entity/relation-page.js';
import { eventList } from '../events/event.service.js';
import { invoiceList } from '../invoices/invoice.service.js';
import { opportunityList } from '../opportunities/opportunity.service.js';
import { quoteList } from '../quotes/quote.service.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { AccountsArgs, CreateAccountInput, UpdateAccountInput } from './account.input.js';
import { accountService } from './account.service.js';
import { AccountConnection, AccountObject } from './account.type.js';
const AccountCrud = createEntityResolver({
  service: accountService,
  objectType: AccountObject,
  connectionType: AccountConnection,
  argsType: AccountsArgs,
  createInput: CreateAccountInput,
  updateInput: UpdateAccountInput,
});

@Resolver(() => AccountObject)
export class AccountResolver extends withRelations(AccountCrud, AccountObject, {
  contacts: hasMany(contactList, linkedThrough('account', 'contacts', 'contact'), 'Contacts linked to this account.'),
  contactLinks: hasMany(accountContactList, linksThrough('account', 'contacts', 'contact'), 'The links behind `contacts`, with role and primary flag, oldest first.'),
  opportunities: hasMany(opportunityList, childrenThrough('account', 'opportunities'), "The account's deals."),
  events: hasMany(eventList, childrenThrough('account', 'events'), 'Events organised for the account.'),
  quotes: hasMany(quoteList, childrenThrough('account', 'quotes'), 'Quotes made to the account.'),
  contracts: hasMany(contractList, childrenThrough('account', 'contracts'), "The account's contracts."),
  invoices: hasMany(invoiceList, childrenThrough('account', 'invoices'), 'Invoices billed to the account.'),
  communications: communicationsOf('account'),
  tasks: tasksOf('account'),
  notes: notesOf('account'),
  attachments: attachmentsOn(AttachmentSubjectType.ACCOUNT),
}) {
  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, account.ownerId);
  }
}
