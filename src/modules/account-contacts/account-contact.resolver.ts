import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { type Account, type AccountContact, type Contact } from '../../generated/tenant/client.js';
import { Access } from '../../graphql/access.js';
import { AuditTarget } from '../../graphql/audit-target.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal, TenantWriteDb } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { contactById } from '../contacts/contact.service.js';
import { ContactObject } from '../contacts/contact.type.js';
import { LinkContactInput } from './account-contact.input.js';
import { linkContact, unlinkContact } from './account-contact.service.js';
import { AccountContactObject } from './account-contact.type.js';

@Resolver(() => AccountContactObject)
export class AccountContactResolver {
  @Authorized(Access.MEMBER)
  @Mutation(() => AccountContactObject, { description: 'Link a contact to an account, or change the role of an existing link.' })
  linkContactToAccount(@Arg('input', { description: 'The account, the contact and the link.' }) input: LinkContactInput, @TenantWriteDb() db: Db, @CurrentPrincipal() principal: Principal): Promise<AccountContact> {
    return linkContact(db, principal.tenantId, input);
  }

  @Authorized(Access.MEMBER)
  @AuditTarget<boolean>({
    type: 'Account',
    idOf: ({ args }) => String(args['accountId']),
    idArg: 'accountId',
    detailOf: ({ args }) => `contact ${String(args['contactId'])} unlinked`,
  })
  @Mutation(() => Boolean, { description: 'Removes the link between a contact and an account and returns true; NOT_FOUND when they are not linked.' })
  unlinkContactFromAccount(
    @Arg('accountId', () => ID, { description: 'The account.' }) accountId: string,
    @Arg('contactId', () => ID, { description: 'The contact.' }) contactId: string,
    @TenantWriteDb() db: Db,
  ): Promise<boolean> {
    return unlinkContact(db, parseId(accountId, 'accountId'), parseId(contactId, 'contactId'));
  }

  @FieldResolver(() => AccountObject, { description: 'The linked account.' })
  account(@Root() link: AccountContact, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(link.accountId);
  }

  @FieldResolver(() => ContactObject, { description: 'The linked contact.' })
  contact(@Root() link: AccountContact, @Ctx() ctx: RequestContext): Promise<Contact | null> {
    return contactById(ctx).load(link.contactId);
  }
}
