import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Principal } from '../auth/principal.js';
import { Access } from '../graphql/access.js';
import { NotAudited } from '../graphql/audit-target.js';
import { type RequestContext } from '../graphql/context.js';
import { CurrentPrincipal } from '../graphql/decorators.js';
import { parseId } from '../graphql/ids.js';
import { PageArgs } from '../graphql/pagination/page-args.js';
import { selectsField } from '../graphql/pagination/selection.js';
import { audited } from './admin-audit.js';
import { DatabaseSchemaStatus, FleetSchemaStatus } from './fleet-schema-status.type.js';
import { MigrationRun, MigrationRunConnection, MigrationRunCounts, MigrationRunDatasource, MigrationTenantOutcome } from './migration-run.type.js';

/**
 * The platform admin's view of fleet migrations: the run ledger and the drift report. Every call
 * is audited like the rest of the admin API; a run's datasources, tenants and counts are loaded
 * only when asked for, so a page of runs over a large fleet stays small.
 */
@Resolver(() => MigrationRun)
export class MigrationAdminResolver {
  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => MigrationRunConnection, { description: 'Platform admin: `tenantgate migrate` runs, newest first.' })
  migrationRuns(
    @Args() { first, after }: PageArgs,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MigrationRunConnection> {
    const countTotal = selectsField(info, 'totalCount');
    return audited(ctx.services.audit, principal, { operation: 'migrationRuns' }, () => ctx.services.migrations.runs(first, after, countTotal));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => MigrationRun, { description: 'Platform admin: one migration run with its per-datasource and per-tenant outcomes.' })
  migrationRun(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<MigrationRun> {
    const runId = parseId(id);
    return audited(ctx.services.audit, principal, { operation: 'migrationRun', target: runId }, () => ctx.services.migrations.run(runId));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Query(() => FleetSchemaStatus, {
    description: 'Platform admin: the drift report as each database was last checked (from the control plane; reads no tenant database).',
  })
  fleetSchemaStatus(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<FleetSchemaStatus> {
    return audited(ctx.services.audit, principal, { operation: 'fleetSchemaStatus' }, () => ctx.services.migrations.schemaStatus());
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @NotAudited('recorded as admin.checkTenantSchemaStatus by the admin audit, like every admin call, refusals included')
  @Mutation(() => DatabaseSchemaStatus, {
    description: "Platform admin: reads this tenant's database now and records the result in the drift report (`tenantgate migrate status` checks the whole fleet).",
  })
  checkTenantSchemaStatus(@Arg('tenantId', () => ID, { description: 'The tenant whose database is read now.' }) tenantId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<DatabaseSchemaStatus> {
    const id = parseId(tenantId);
    return audited(ctx.services.audit, principal, { operation: 'checkTenantSchemaStatus', tenantId: id }, () => ctx.services.migrations.checkTenant(id));
  }

  @FieldResolver(() => MigrationRunCounts, { description: 'Datasources by status.' })
  async counts(@Root() run: MigrationRun, @Ctx() ctx: RequestContext): Promise<MigrationRunCounts> {
    const counts = await ctx.services.migrations.counts(run.id);
    return {
      pending: counts.PENDING,
      running: counts.RUNNING,
      migrated: counts.MIGRATED,
      skipped: counts.SKIPPED,
      failed: counts.FAILED,
      cancelled: counts.CANCELLED,
    };
  }

  @FieldResolver(() => [MigrationRunDatasource], { description: 'Each datasource of the run, in the order workers claim them.' })
  datasources(@Root() run: MigrationRun, @Ctx() ctx: RequestContext): Promise<MigrationRunDatasource[]> {
    return ctx.services.migrations.items(run.id);
  }

  @FieldResolver(() => [MigrationTenantOutcome], { description: "Each tenant of the run with its datasource's outcome." })
  tenants(@Root() run: MigrationRun, @Ctx() ctx: RequestContext): Promise<MigrationTenantOutcome[]> {
    return ctx.services.migrations.tenantOutcomes(run.id);
  }
}
