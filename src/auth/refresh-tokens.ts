import { createHash, randomBytes } from 'node:crypto';
import { type ControlClient } from '../control/control-client.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type Prisma } from '../generated/control/client.js';

/** The session a refresh token belongs to. */
export interface RefreshSession {
  familyId: string;
  userId: string;
  tenantId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => `rt_${randomBytes(32).toString('base64url')}`;
const invalid = () => new AppError(ErrorCode.UNAUTHENTICATED, 'refresh token is invalid or has expired; log in again');

/**
 * Opaque refresh tokens stored only as SHA-256 hashes, grouped in families (one per login).
 * Every use rotates the token; presenting an already-rotated token is treated as theft and revokes
 * the whole family, so both the thief's and the victim's sessions end.
 */
export class RefreshTokens {
  constructor(
    private readonly control: ControlClient,
    private readonly ttlSeconds: number,
  ) {}

  /** Starts a new family for a fresh login and returns its first token. */
  async issue(userId: string, tenantId: string): Promise<string> {
    const token = newToken();
    await this.control.refreshTokenFamily.create({
      data: {
        userId,
        tenantId,
        expiresAt: new Date(Date.now() + this.ttlSeconds * 1000),
        tokens: { create: { tokenHash: hashToken(token) } },
      },
    });
    return token;
  }

  /** Exchanges a token for its successor; `tenantId` re-points the family (switchTenant). */
  async rotate(token: string, tenantId?: string): Promise<{ session: RefreshSession; token: string }> {
    const row = await this.control.refreshToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { family: true } });
    if (!row || row.family.revokedAt || row.family.expiresAt <= new Date()) {
      throw invalid();
    }
    const successor = newToken();
    const rotated = await this.control.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: new Date() } });
      if (claimed.count === 0) {
        return false;
      }
      await tx.refreshToken.create({ data: { familyId: row.familyId, tokenHash: hashToken(successor) } });
      if (tenantId && tenantId !== row.family.tenantId) {
        await tx.refreshTokenFamily.update({ where: { id: row.familyId }, data: { tenantId } });
      }
      return true;
    });
    if (!rotated) {
      await this.revokeFamily(row.familyId, 'reuse-detected');
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'refresh token was already used; this session has been revoked, log in again');
    }
    const session = { familyId: row.familyId, userId: row.family.userId, tenantId: tenantId ?? row.family.tenantId };
    return { session, token: successor };
  }

  /** Looks a token up without rotating it (logout, switchTenant checks). */
  async sessionOf(token: string): Promise<RefreshSession | null> {
    const row = await this.control.refreshToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { family: true } });
    if (!row || row.rotatedAt || row.family.revokedAt || row.family.expiresAt <= new Date()) {
      return null;
    }
    return { familyId: row.familyId, userId: row.family.userId, tenantId: row.family.tenantId };
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.control.refreshTokenFamily.updateMany({
      where: { id: familyId, revokedAt: null },
      data: { revokedAt: new Date(), revokeReason: reason },
    });
  }

  /**
   * Ends every session of a user in a tenant (logout without a refresh token at hand, or a removed
   * member). `client` defaults to the control plane; pass a transaction to revoke within it.
   */
  async revokeAllFor(userId: string, tenantId: string, reason: string, client: Pick<Prisma.TransactionClient, 'refreshTokenFamily'> = this.control): Promise<void> {
    await client.refreshTokenFamily.updateMany({
      where: { userId, tenantId, revokedAt: null },
      data: { revokedAt: new Date(), revokeReason: reason },
    });
  }
}
