import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error.js';
import { type MembershipRole } from '../generated/control/enums.js';
import { type Principal } from './principal.js';

/** Options of {@link AccessTokens}. */
export interface AccessTokenOptions {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  /** Lifetime of an access token; short, because refresh tokens carry the session. */
  ttlSeconds: number;
}

const ALGORITHM = 'HS256';
/** RFC 9068's type for access tokens; a token of any other type is refused. */
const TOKEN_TYPE = 'at+jwt';
const ROLES: ReadonlySet<string> = new Set(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);

/** Signs and verifies short-lived access tokens carrying user, tenant and role. */
export class AccessTokens {
  constructor(private readonly options: AccessTokenOptions) {}

  async sign(principal: Principal): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.options.ttlSeconds * 1000);
    const token = await new SignJWT({ tid: principal.tenantId, role: principal.role, adm: principal.isPlatformAdmin })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setSubject(principal.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.options.secret);
    return { token, expiresAt };
  }

  /** Verifies signature (HS256 only), issuer, audience, expiry and type; throws UNAUTHENTICATED. */
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.options.secret, {
        algorithms: [ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'tid', 'role'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !ROLES.has(String(payload.role))) {
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'access token is malformed');
      }
      return {
        userId: payload.sub,
        tenantId: payload.tid,
        role: payload.role as MembershipRole,
        isPlatformAdmin: payload.adm === true,
      };
    } catch (error) {
      throw unauthenticated(describeJoseFailure(error), { reason: reasonOf(error) });
    }
  }
}

function reasonOf(error: unknown): string {
  return error instanceof errors.JOSEError ? error.code : error instanceof AppError ? 'ERR_MALFORMED' : 'ERR_UNKNOWN';
}

/** Maps jose failures by code to messages a client can act on, never echoing the token. */
function describeJoseFailure(error: unknown): string {
  if (error instanceof AppError) {
    return error.message;
  }
  if (error instanceof errors.JWTExpired) {
    return 'access token has expired; call refresh';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return 'access token uses an algorithm that is not accepted';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'access token signature is invalid';
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `access token claim "${error.claim}" is invalid`;
  }
  return 'access token is malformed';
}
