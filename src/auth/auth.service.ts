import { type AuditLog } from '../control/audit-log.js';
import { type ControlClient } from '../control/control-client.js';
import { failClosed } from '../control/control-plane-outage.js';
import { AppError, badInput, ErrorCode } from '../errors/app-error.js';
import { type MembershipRole } from '../generated/control/enums.js';
import { type User, type Tenant } from '../generated/control/client.js';
import { type LoginThrottle } from '../limits/login-throttle.js';
import { type AccessTokens } from './access-tokens.js';
import { type MembershipChecker } from './membership-checker.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { type Principal } from './principal.js';
import { type RefreshTokens } from './refresh-tokens.js';

/** What login, refresh and switchTenant return. */
export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: User;
  tenant: Tenant;
  role: MembershipRole;
}

const INVALID_LOGIN = 'invalid email, password or tenant';

/**
 * Login, token refresh, tenant switch and logout, all on the control plane only. While the control
 * plane cannot be reached, login, refresh and switchTenant fail closed with CONTROL_PLANE_UNAVAILABLE.
 */
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword('tenantgate-decoy-password');

  constructor(
    private readonly control: ControlClient,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly memberships: MembershipChecker,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Signs in. `clientAddress` is where the request came from; failed attempts are counted per
   * account and per address, and a paused one is refused with RATE_LIMITED before the password is
   * checked (see {@link LoginThrottle}).
   */
  login(email: string, password: string, tenantSlug: string | null | undefined, clientAddress: string): Promise<AuthResult> {
    return failClosed(() => this.signIn(email, password, tenantSlug, clientAddress));
  }

  /**
   * Rotates a refresh token. Membership and tenant status are checked before the token is spent,
   * so a refused refresh (e.g. tenant suspended) leaves the token usable for a later retry.
   */
  refresh(refreshToken: string): Promise<AuthResult> {
    return failClosed(() => this.rotate(refreshToken));
  }

  /** Issues a token pair for another tenant the caller belongs to (a new session for that tenant). */
  switchTenant(principal: Principal, tenantSlug: string): Promise<AuthResult> {
    return failClosed(() => this.switchTo(principal, tenantSlug));
  }

  private async signIn(email: string, password: string, tenantSlug: string | null | undefined, clientAddress: string): Promise<AuthResult> {
    const account = email.trim().toLowerCase();
    await this.throttle.assertAllowed(account, clientAddress);
    const user = await this.control.user.findUnique({ where: { email: account } });
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !passwordOk) {
      await this.audit.record({ actorUserId: user?.id, operation: 'login', target: email, outcome: 'DENIED' });
      await this.throttle.recordFailure(account, clientAddress);
      throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_LOGIN);
    }
    await this.throttle.recordSuccess(account);
    const memberships = await this.control.membership.findMany({
      where: { userId: user.id, ...(tenantSlug ? { tenant: { slug: tenantSlug } } : {}) },
      include: { tenant: true },
    });
    if (!tenantSlug && memberships.length > 1) {
      throw badInput('you belong to several tenants; pass tenantSlug to choose one', 'tenantSlug');
    }
    const membership = memberships[0];
    if (!membership) {
      await this.audit.record({ actorUserId: user.id, operation: 'login', target: tenantSlug ?? '', outcome: 'DENIED' });
      throw new AppError(ErrorCode.UNAUTHENTICATED, INVALID_LOGIN);
    }
    this.assertTenantUsable(membership.tenant);
    const refreshToken = await this.refreshTokens.issue(user.id, membership.tenantId);
    await this.audit.record({ actorUserId: user.id, tenantId: membership.tenantId, operation: 'login', outcome: 'SUCCESS' });
    return this.result(user, membership.tenant, membership.role, refreshToken);
  }

  private async rotate(refreshToken: string): Promise<AuthResult> {
    const current = await this.refreshTokens.sessionOf(refreshToken);
    const membership = current
      ? await this.control.membership.findUnique({
          where: { userId_tenantId: { userId: current.userId, tenantId: current.tenantId } },
          include: { tenant: true, user: true },
        })
      : null;
    if (current && !membership) {
      await this.refreshTokens.revokeFamily(current.familyId, 'membership-removed');
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'you are no longer a member of this tenant; log in again');
    }
    if (membership) {
      this.assertTenantUsable(membership.tenant);
    }
    const { token } = await this.refreshTokens.rotate(refreshToken);
    if (!membership) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'refresh token is invalid or has expired; log in again');
    }
    return this.result(membership.user, membership.tenant, membership.role, token);
  }

  private async switchTo(principal: Principal, tenantSlug: string): Promise<AuthResult> {
    const membership = await this.control.membership.findFirst({
      where: { userId: principal.userId, tenant: { slug: tenantSlug } },
      include: { tenant: true, user: true },
    });
    if (!membership) {
      await this.audit.record({ actorUserId: principal.userId, operation: 'switchTenant', target: tenantSlug, outcome: 'DENIED' });
      throw new AppError(ErrorCode.FORBIDDEN, `you are not a member of tenant "${tenantSlug}"`);
    }
    this.assertTenantUsable(membership.tenant);
    const refreshToken = await this.refreshTokens.issue(principal.userId, membership.tenantId);
    await this.audit.record({ actorUserId: principal.userId, tenantId: membership.tenantId, operation: 'switchTenant', outcome: 'SUCCESS' });
    return this.result(membership.user, membership.tenant, membership.role, refreshToken);
  }

  /** Ends the session of `refreshToken`, or every session of the caller in this tenant. */
  async logout(principal: Principal, refreshToken?: string | null): Promise<boolean> {
    if (refreshToken) {
      const session = await this.refreshTokens.sessionOf(refreshToken);
      if (session && session.userId === principal.userId) {
        await this.refreshTokens.revokeFamily(session.familyId, 'logout');
      }
    } else {
      await this.refreshTokens.revokeAllFor(principal.userId, principal.tenantId, 'logout');
    }
    this.memberships.forget(principal.userId, principal.tenantId);
    await this.audit.record({ actorUserId: principal.userId, tenantId: principal.tenantId, operation: 'logout', outcome: 'SUCCESS' });
    return true;
  }

  private assertTenantUsable(tenant: Tenant): void {
    if (tenant.status === 'SUSPENDED') {
      throw new AppError(ErrorCode.FORBIDDEN, `tenant "${tenant.slug}" is suspended`);
    }
  }

  private async result(user: User, tenant: Tenant, role: MembershipRole, refreshToken: string): Promise<AuthResult> {
    const principal: Principal = { userId: user.id, tenantId: tenant.id, role, isPlatformAdmin: user.isPlatformAdmin };
    const { token, expiresAt } = await this.accessTokens.sign(principal);
    return { accessToken: token, refreshToken, expiresAt, user, tenant, role };
  }
}
