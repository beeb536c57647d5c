import { createHash } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error.js';
import { type MembershipRole } from '../generated/control/enums.js';
import { type Principal } from './principal.js';

/** A signing key that was replaced and is still accepted, until `acceptUntil`, for tokens it signed. */
export interface RetiringSigningKey {
  secret: Uint8Array;
  acceptUntil: Date;
}

/** Options of {@link AccessTokens}. */
export interface AccessTokenOptions {
  /** The key that signs every new token. */
  secret: Uint8Array;
  /** The key it replaced, accepted for its own tokens during the grace period; then refused. */
  previous?: RetiringSigningKey;
  issuer: string;
  audience: string;
  /** Lifetime of an access token; short, because refresh tokens carry the session. */
  ttlSeconds: number;
  /** The clock verification reads (expiry, a retired key's grace period); tests move it. Default: now. */
  now?: () => Date;
}

/** What a verified token proved, kept while the token lives. */
interface VerifiedToken {
  principal: Principal;
  /** The signing key's id, checked again at every use: the previous key's grace period ends. */
  keyId: string | undefined;
  expiresAtMs: number;
}

const ALGORITHM = 'HS256';
/**
 * How many verified tokens are remembered until they expire, so a repeated token skips the HMAC
 * (jose verifies through WebCrypto, about 0.7 ms of CPU per request): a few MB at most.
 */
const VERIFIED_TOKENS_KEPT = 10_000;
/** RFC 9068's type for access tokens; a token of any other type is refused. */
const TOKEN_TYPE = 'at+jwt';
const ROLES: ReadonlySet<string> = new Set(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);

/**
 * A key's id: a fingerprint of the secret, so replicas configured with the same secret agree on it
 * without another setting. (A hash of a secret of at least 32 bytes tells nothing about it.)
 */
export function signingKeyId(secret: Uint8Array): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * Signs and verifies short-lived access tokens carrying user, tenant and role. Every token names
 * its signing key (`kid`), so the key can be rotated: the new one signs, the previous one is still
 * accepted for its own tokens until its grace period ends (long enough for them to expire), then
 * they are refused and their holders refresh (refresh tokens are not JWTs and are unaffected).
 */
export class AccessTokens {
  private readonly currentKeyId: string;
  private readonly previousKeyId: string | undefined;
  private readonly now: () => Date;
  /** Keyed by the whole token: a token that differs in any byte is verified anew. */
  private readonly verified: LRUCache<string, VerifiedToken>;

  constructor(private readonly options: AccessTokenOptions) {
    this.currentKeyId = signingKeyId(options.secret);
    this.previousKeyId = options.previous ? signingKeyId(options.previous.secret) : undefined;
    this.now = options.now ?? (() => new Date());
    this.verified = new LRUCache({ max: VERIFIED_TOKENS_KEPT });
  }

  /** The key that verifies a token with this key id; tokens from before key ids use the current key. */
  private keyFor(keyId: string | undefined, now: Date): Uint8Array {
    if (keyId === undefined || keyId === this.currentKeyId) {
      return this.options.secret;
    }
    const previous = this.options.previous;
    if (previous && keyId === this.previousKeyId) {
      if (now.getTime() < previous.acceptUntil.getTime()) {
        return previous.secret;
      }
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'access token was signed with a retired key; call refresh');
    }
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'access token was signed with an unknown key');
  }

  async sign(principal: Principal): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.options.ttlSeconds * 1000);
    const token = await new SignJWT({ tid: principal.tenantId, role: principal.role, adm: principal.isPlatformAdmin })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE, kid: this.currentKeyId })
      .setSubject(principal.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.options.secret);
    return { token, expiresAt };
  }

  /**
   * Verifies signature (HS256 only), issuer, audience, expiry and type; throws UNAUTHENTICATED.
   * A token verified before is only checked again for expiry and for its key's retirement: its
   * signature and claims cannot have changed.
   */
  async verify(token: string): Promise<Principal> {
    const now = this.now();
    try {
      return this.remembered(token, now) ?? (await this.verifySignature(token, now));
    } catch (error) {
      throw unauthenticated(describeJoseFailure(error), { reason: reasonOf(error) });
    }
  }

  private remembered(token: string, now: Date): Principal | undefined {
    const entry = this.verified.get(token);
    if (entry === undefined) {
      return undefined;
    }
    if (now.getTime() >= entry.expiresAtMs) {
      this.verified.delete(token);
      return undefined;
    }
    this.keyFor(entry.keyId, now);
    return { ...entry.principal };
  }

  private async verifySignature(token: string, now: Date): Promise<Principal> {
    const { payload, protectedHeader } = await jwtVerify(token, async (header) => this.keyFor(header.kid, now), {
      algorithms: [ALGORITHM],
      issuer: this.options.issuer,
      audience: this.options.audience,
      typ: TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'tid', 'role'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !ROLES.has(String(payload.role))) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'access token is malformed');
    }
    const principal: Principal = {
      userId: payload.sub,
      tenantId: payload.tid,
      role: payload.role as MembershipRole,
      isPlatformAdmin: payload.adm === true,
    };
    // `exp` is a required claim that jose has checked is a number.
    this.verified.set(token, { principal, keyId: protectedHeader.kid, expiresAtMs: (payload.exp as number) * 1000 });
    return { ...principal };
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
