import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { type Principal } from '../auth/principal.js';
import { TenantStatus } from '../generated/control/enums.js';
import { Access } from '../graphql/access.js';
import { type RequestContext } from '../graphql/context.js';
import { CurrentPrincipal } from '../graphql/decorators.js';
import { parseId } from '../graphql/ids.js';
import { selectsField } from '../graphql/pagination/selection.js';
import { audited } from './admin-audit.js';
import { CreateTenantInput, FleetTenantsArgs } from './fleet-tenant.input.js';
import { ClearTenantCachePayload, CreateTenantPayload, FleetTenant, FleetTenantConnection } from './fleet-tenant.type.js';
import { TenantDiagnosis, TenantPoolStats } from './tenant-diagnosis.type.js';
import { NotAudited } from '../graphql/audit-target.js';

const ADMIN_AUDITED = 'FleetAdminService records every admin call as admin.<operation>, refusals included';

/** The platform admin's fleet API; every call is audited, refused callers too (by the auth checker). */
@Resolver()
export class FleetAdminResolver {
  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => FleetTenantConnection, { description: 'Platform admin: a page of every tenant, by slug.' })
  tenants(
    @Args() { first, after, filter }: FleetTenantsArgs,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FleetTenantConnection> {
    const countTotal = selectsField(info, 'totalCount');
    return audited(ctx.services.audit, principal, { operation: 'tenants' }, () => ctx.services.admin.listTenants(filter ?? {}, first, after, countTotal));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => FleetTenant, { description: 'Platform admin: one tenant by id.' })
  tenant(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<FleetTenant> {
    const tenantId = parseId(id);
    return audited(ctx.services.audit, principal, { operation: 'tenant', tenantId }, () => ctx.services.admin.tenant(tenantId));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @NotAudited(ADMIN_AUDITED)
  @Mutation(() => CreateTenantPayload, {
    description: 'Platform admin: provision a tenant (database, migrations, optional seed, owner, sealed datasource), all or nothing.',
  })
  async createTenant(@Arg('input') input: CreateTenantInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<CreateTenantPayload> {
    const created = await audited(ctx.services.audit, principal, { operation: 'createTenant', target: input.slug }, () => ctx.services.admin.createTenant(input));
    return { ...created, tenant: created.view };
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @NotAudited(ADMIN_AUDITED)
  @Mutation(() => FleetTenant, { description: 'Platform admin: ACTIVE, READ_ONLY (writes refused) or SUSPENDED (all refused).' })
  setTenantStatus(
    @Arg('tenantId', () => ID) id: string,
    @Arg('status', () => TenantStatus) status: TenantStatus,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<FleetTenant> {
    const tenantId = parseId(id, 'tenantId');
    return audited(ctx.services.audit, principal, { operation: 'setTenantStatus', tenantId, target: status }, () => ctx.services.admin.setTenantStatus(tenantId, status));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => TenantDiagnosis, { description: "Platform admin: step-by-step diagnosis of a tenant's database path (the doctor report)." })
  tenantConnection(@Arg('tenantId', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<TenantDiagnosis> {
    const tenantId = parseId(id, 'tenantId');
    return audited(ctx.services.audit, principal, { operation: 'tenantConnection', tenantId }, () => ctx.services.admin.diagnose(tenantId));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => TenantPoolStats, { description: "Platform admin: this replica's tenant client pool." })
  tenantPoolStats(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<TenantPoolStats> {
    return audited(ctx.services.audit, principal, { operation: 'tenantPoolStats' }, async () => ctx.services.admin.poolStats());
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @NotAudited(ADMIN_AUDITED)
  @Mutation(() => ClearTenantCachePayload, { description: "Platform admin: drop the cached route and client of a tenant's datasource, on this replica and (through the change feed) every other." })
  clearTenantCache(@Arg('tenantId', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<ClearTenantCachePayload> {
    const tenantId = parseId(id, 'tenantId');
    return audited(ctx.services.audit, principal, { operation: 'clearTenantCache', tenantId }, () => ctx.services.admin.clearTenantCache(tenantId));
  }
}
