import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { Public } from '../../graphql/access.js';
import { NotAudited } from '../../graphql/audit-target.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal } from '../../graphql/decorators.js';
import { LoginArgs } from './auth.input.js';
import { AuthPayload, Me } from './auth.type.js';

const AUTH_EVENT = 'AuthService records it as an auth event, refusals included';

@Resolver()
export class AuthResolver {
  @Public()
  @NotAudited(AUTH_EVENT)
  @Mutation(() => AuthPayload, { description: 'Sign in to a tenant with email and password.' })
  login(@Args() { email, password, tenantSlug }: LoginArgs, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.login(email, password, tenantSlug, ctx.clientAddress);
  }

  @Public()
  @NotAudited('token rotation is not an audit event; the login that started the session is')
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new token pair (the old one stops working).' })
  refresh(@Arg('refreshToken', { description: 'The refresh token of the last AuthPayload; single use.' }) refreshToken: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.refresh(refreshToken);
  }

  @Authorized()
  @NotAudited(AUTH_EVENT)
  @Mutation(() => AuthPayload, { description: 'Get a token pair for another tenant you belong to.' })
  switchTenant(@Arg('tenantSlug', { description: 'The slug of another tenant the caller belongs to.' }) tenantSlug: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.switchTenant(principal, tenantSlug);
  }

  @Authorized()
  @NotAudited(AUTH_EVENT)
  @Mutation(() => Boolean, { description: 'End the session of this refresh token, or all your sessions in this tenant.' })
  logout(
    @Arg('refreshToken', () => String, { nullable: true, description: 'The session to end; its refresh tokens stop working.' }) refreshToken: string | null,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.services.auth.logout(principal, refreshToken);
  }

  @Authorized()
  @Query(() => Me, { description: 'The signed-in user, tenant and role.' })
  async me(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<Me> {
    const user = await ctx.control.user.findUnique({
      where: { id: principal.userId },
      include: { memberships: { include: { tenant: true }, orderBy: { tenant: { slug: 'asc' } } } },
    });
    const current = user?.memberships.find((m) => m.tenantId === principal.tenantId);
    if (!user || !current) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'your account no longer exists; log in again');
    }
    return {
      user,
      tenant: current.tenant,
      role: current.role,
      isPlatformAdmin: user.isPlatformAdmin,
      memberships: user.memberships.map((m) => ({ tenant: m.tenant, role: m.role })),
    };
  }
}
