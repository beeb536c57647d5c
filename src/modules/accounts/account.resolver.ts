import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { type Account } from '../../generated/tenant/client.js';
import { Access } from '../../graphql/access.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal, TenantDb, TenantWriteDb } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { contactLinksByAccount } from '../account-contacts/account-contact.loaders.js';
import { AccountContactObject } from '../account-contacts/account-contact.type.js';
import { ContactObject } from '../contacts/contact.type.js';
import { userLoader } from '../users/user.loader.js';
import { UserType } from '../users/user.type.js';
import { AccountsArgs, CreateAccountInput, UpdateAccountInput } from './account.input.js';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from './account.service.js';
import { AccountConnection, AccountObject } from './account.type.js';

@Resolver(() => AccountObject)
export class AccountResolver {
  @Authorized(Access.VIEWER)
  @Query(() => AccountConnection, { description: "A page of this tenant's accounts." })
  accounts(@Args() args: AccountsArgs, @TenantDb() db: Db): Promise<AccountConnection> {
    return listAccounts(db, args);
  }

  @Authorized(Access.VIEWER)
  @Query(() => AccountObject)
  account(@Arg('id', () => ID) id: string, @TenantDb() db: Db): Promise<Account> {
    return getAccount(db, parseId(id));
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => AccountObject)
  createAccount(
    @Arg('input') input: CreateAccountInput,
    @TenantWriteDb() db: Db,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Account> {
    return createAccount(db, ctx.control, principal.tenantId, input);
  }

  @Authorized(Access.MEMBER)
  @Mutation(() => AccountObject, { description: 'Omitted fields are kept; null clears an optional field.' })
  updateAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAccountInput,
    @TenantWriteDb() db: Db,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Account> {
    return updateAccount(db, ctx.control, principal.tenantId, parseId(id), input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => AccountObject, { description: 'Deletes the account and its contact links; returns the deleted account.' })
  deleteAccount(@Arg('id', () => ID) id: string, @TenantWriteDb() db: Db): Promise<Account> {
    return deleteAccount(db, parseId(id));
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return account.ownerId ? userLoader(ctx).load(account.ownerId) : null;
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
}
