import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Communication, type Contract, type Event, type Invoice, type Opportunity, type Quote } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { contactLinksByAccount } from '../account-contacts/account-contact.loaders.js';
import { AccountContactObject } from '../account-contacts/account-contact.type.js';
import { withActivity } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { communicationsByAccount } from '../communications/communication.loaders.js';
import { CommunicationObject } from '../communications/communication.type.js';
import { ContactObject } from '../contacts/contact.type.js';
import { contractsByAccount } from '../contracts/contract.service.js';
import { ContractObject } from '../contracts/contract.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { eventsByAccount } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { invoicesByAccount } from '../invoices/invoice.service.js';
import { InvoiceObject } from '../invoices/invoice.type.js';
import { opportunitiesByAccount } from '../opportunities/opportunity.service.js';
import { OpportunityObject } from '../opportunities/opportunity.type.js';
import { quotesByAccount } from '../quotes/quote.service.js';
import { QuoteObject } from '../quotes/quote.type.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { AccountsArgs, CreateAccountInput, UpdateAccountInput } from './account.input.js';
import { accountService } from './account.service.js';
import { AccountConnection, AccountObject } from './account.type.js';

const AccountCrud = createEntityResolver({
  service: accountService,
  one: 'account',
  many: 'accounts',
  typeName: 'Account',
  noun: 'accounts',
  objectType: AccountObject,
  connectionType: AccountConnection,
  argsType: AccountsArgs,
  createInput: CreateAccountInput,
  updateInput: UpdateAccountInput,
});

@Resolver(() => AccountObject)
export class AccountResolver extends withActivity(AccountCrud, { type: AccountObject, tasks: 'accountId', notes: 'accountId', attachments: AttachmentSubjectType.ACCOUNT }) {
  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, account.ownerId);
  }

  @FieldResolver(() => [ContactObject], { description: 'Contacts linked to this account, primary first.' })
  async contacts(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<ContactObject[]> {
    const links = await contactLinksByAccount(ctx).load(account.id);
    return links.map((link) => link.contact);
  }

  @FieldResolver(() => [AccountContactObject], { description: 'The links behind `contacts`, with role and primary flag.' })
  contactLinks(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<AccountContactObject[]> {
    return contactLinksByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [OpportunityObject], { description: "The account's deals." })
  opportunities(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Opportunity[]> {
    return opportunitiesByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [EventObject], { description: 'Events organised for the account.' })
  events(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Event[]> {
    return eventsByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [QuoteObject], { description: 'Quotes made to the account.' })
  quotes(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Quote[]> {
    return quotesByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [ContractObject], { description: "The account's contracts." })
  contracts(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Contract[]> {
    return contractsByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [InvoiceObject], { description: 'Invoices billed to the account.' })
  invoices(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return invoicesByAccount(ctx).load(account.id);
  }

  @FieldResolver(() => [CommunicationObject], { description: 'Emails, calls, meetings and messages with the account, newest first.' })
  communications(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Communication[]> {
    return communicationsByAccount(ctx).load(account.id);
  }
}
