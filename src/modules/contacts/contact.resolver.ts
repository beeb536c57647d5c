import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { type Contact } from '../../generated/tenant/client.js';
import { Access } from '../../graphql/access.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal, TenantDb, TenantWriteDb } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { accountLinksByContact } from '../account-contacts/account-contact.loaders.js';
import { AccountContactObject } from '../account-contacts/account-contact.type.js';
import { AccountObject } from '../accounts/account.type.js';
import { userLoader } from '../users/user.loader.js';
import { UserType } from '../users/user.type.js';
import { ContactsArgs, CreateContactInput, UpdateContactInput } from './contact.input.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contact.service.js';
import { ContactConnection, ContactObject } from './contact.type.js';

@Resolver(() => ContactObject)
export class ContactResolver {
  @Authorized(Access.VIEWER)
  @Query(() => ContactConnection, { description: "A page of this tenant's contacts." })
  contacts(@Args() args: ContactsArgs, @TenantDb() db: Db): Promise<ContactConnection> {
    return listContacts(db, args);
  }

  @Authorized(Access.VIEWER)
  @Query(() => ContactObject)
  contact(@Arg('id', () => ID) id: string, @TenantDb() db: Db): Promise<Contact> {
    return getContact(db, parseId(id));
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => ContactObject)
  createContact(
    @Arg('input') input: CreateContactInput,
    @TenantWriteDb() db: Db,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Contact> {
    return createContact(db, ctx.control, principal.tenantId, input);
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => ContactObject, { description: 'Omitted fields are kept; null clears an optional field.' })
  updateContact(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateContactInput,
    @TenantWriteDb() db: Db,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Contact> {
    return updateContact(db, ctx.control, principal.tenantId, parseId(id), input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => ContactObject, { description: 'Deletes the contact and its account links; returns the deleted contact.' })
  deleteContact(@Arg('id', () => ID) id: string, @TenantWriteDb() db: Db): Promise<Contact> {
    return deleteContact(db, parseId(id));
  }

  @FieldResolver(() => String)
  fullName(@Root() contact: Contact): string {
    return `${contact.firstName} ${contact.lastName}`;
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return contact.ownerId ? userLoader(ctx).load(contact.ownerId) : null;
  }

  @FieldResolver(() => [AccountObject], { description: 'Accounts this contact is linked to, primary links first.' })
  async accounts(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<AccountObject[]> {
    const links = await accountLinksByContact(ctx).load(contact.id);
    return links.map((link) => link.account);
  }

  @FieldResolver(() => [AccountContactObject])
  accountLinks(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<AccountContactObject[]> {
    return accountLinksByContact(ctx).load(contact.id);
  }
}
