import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { Access } from '../../graphql/access.js';
import { AuditTarget, type AuditTargetSpec } from '../../graphql/audit-target.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { selectsField } from '../../graphql/pagination/selection.js';
import { AddTenantMemberInput, SetMemberRoleArgs, TenantMembersArgs } from './member.input.js';
import { type MemberChange } from './member.service.js';
import { TenantMemberConnection, TenantMemberObject } from './member.type.js';

/** Membership changes are audited against the user they concern, with the roles in the detail. */
function memberAudit(detail: (change: MemberChange) => string): AuditTargetSpec<MemberChange> {
  return { type: 'User', idOf: ({ result }) => result.userId, idArg: 'userId', detailOf: ({ result }) => detail(result) };
}

@Resolver(() => TenantMemberObject)
export class MemberResolver {
  @Authorized(Access.VIEWER)
  @Query(() => TenantMemberConnection, { description: "A page of this tenant's members with their roles." })
  tenantMembers(@Args() args: TenantMembersArgs, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<TenantMemberConnection> {
    return ctx.services.members.list(principal.tenantId, args, selectsField(info, 'totalCount'));
  }

  @Authorized(Access.ADMIN)
  @AuditTarget(memberAudit((change) => `added as ${change.role}`))
  @Mutation(() => TenantMemberObject, { description: 'Add a user who has a tenantgate account, by email, with a role up to your own.' })
  addTenantMember(@Arg('input', { description: 'Who, and with which role.' }) input: AddTenantMemberInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<MemberChange> {
    return ctx.services.members.add(principal, input.email, input.role);
  }

  @Authorized(Access.ADMIN)
  @AuditTarget(memberAudit((change) => `role ${change.previousRole ?? 'none'} -> ${change.role}`))
  @Mutation(() => TenantMemberObject, {
    description: 'Change a member\'s role, up to your own; an ADMIN cannot change an OWNER, and the last OWNER cannot be demoted.',
  })
  setMemberRole(@Args() { userId, role }: SetMemberRoleArgs, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<MemberChange> {
    return ctx.services.members.setRole(principal, parseId(userId, 'userId'), role);
  }

  @Authorized(Access.ADMIN)
  @AuditTarget(memberAudit((change) => `removed (was ${change.role})`))
  @Mutation(() => TenantMemberObject, {
    description: 'Remove a member (returns the membership as it was); an ADMIN cannot remove an OWNER, nor anyone the last OWNER.',
  })
  removeTenantMember(@Arg('userId', () => ID, { description: 'The member, by user id.' }) userId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<MemberChange> {
    return ctx.services.members.remove(principal, parseId(userId, 'userId'));
  }
}
