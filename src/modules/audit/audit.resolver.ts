import { type GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { Access } from '../../graphql/access.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal } from '../../graphql/decorators.js';
import { indexByKey } from '../../graphql/loaders.js';
import { selectsField } from '../../graphql/pagination/selection.js';
import { UserType } from '../users/user.type.js';
import { AuditLogArgs } from './audit-entry.input.js';
import { listAuditEntries } from './audit-entry.service.js';
import { AuditEntryConnection, AuditEntryObject } from './audit-entry.type.js';

@Resolver(() => AuditEntryObject)
export class AuditResolver {
  @Authorized(Access.ADMIN, Access.PLATFORM_ADMIN)
  @Query(() => AuditEntryConnection, { description: "A page of this tenant's audit trail, newest first (tenant ADMINs, OWNERs and platform admins)." })
  auditLog(@Args() args: AuditLogArgs, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AuditEntryConnection> {
    return listAuditEntries(ctx.control, principal.tenantId, args, selectsField(info, 'totalCount'));
  }

  /**
   * Resolves actors who have since left the tenant too (the trail must still say who acted); the
   * ids come from this tenant's own rows, so no other tenant's people can be named through it.
   */
  @FieldResolver(() => UserType, { nullable: true, description: 'Who acted; null for an unknown or deleted user.' })
  actor(@Root() entry: AuditEntryObject, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    if (!entry.actorUserId) {
      return null;
    }
    const loader = ctx.loaders.get('audit.actors', async (ids) => {
      const users = await ctx.control.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, email: true, displayName: true } });
      return indexByKey(ids, users, (user) => user.id);
    });
    return loader.load(entry.actorUserId);
  }
}
