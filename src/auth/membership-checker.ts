import { type ControlClient } from '../control/control-client.js';
import { failClosed } from '../control/control-plane-outage.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type MembershipRole } from '../generated/control/enums.js';
import { type Principal } from './principal.js';

const MAX_ENTRIES_BEFORE_SWEEP = 10_000;

interface CachedMembership {
  role: MembershipRole | null;
  expiresAt: number;
}

/**
 * Confirms that the user of a token is still a member of the token's tenant, and takes the role
 * from the live membership rather than the token. Answers are cached briefly (`ttlMs`) so the
 * check costs no control-plane query on most requests; `forget` drops an entry at once, so a
 * membership change applies to the member's next request (the change feed calls it on every
 * replica). A lookup that cannot reach the control plane fails with CONTROL_PLANE_UNAVAILABLE.
 */
export class MembershipChecker {
  private readonly cache = new Map<string, CachedMembership>();
  /**
   * Bumped by every `forget`. A lookup that started before a forget may have read the row as it
   * was before the change; its answer is used for that request but not cached.
   */
  private forgets = 0;

  constructor(
    private readonly control: ControlClient,
    private readonly ttlMs: number,
    /** Whether cached answers may be used now (false while control-plane changes cannot be heard). */
    private readonly trustCache: () => boolean = () => true,
  ) {}

  async confirm(principal: Principal): Promise<Principal> {
    const key = `${principal.userId}:${principal.tenantId}`;
    let cached = this.cache.get(key);
    if (!cached || cached.expiresAt <= Date.now() || !this.trustCache()) {
      const forgetsBefore = this.forgets;
      const membership = await failClosed(() =>
        this.control.membership.findUnique({
          where: { userId_tenantId: { userId: principal.userId, tenantId: principal.tenantId } },
          select: { role: true },
        }),
      );
      cached = { role: membership?.role ?? null, expiresAt: Date.now() + this.ttlMs };
      if (forgetsBefore === this.forgets) {
        this.sweepWhenLarge();
        this.cache.set(key, cached);
      }
    }
    if (!cached.role) {
      throw new AppError(ErrorCode.FORBIDDEN, 'you are no longer a member of this tenant');
    }
    return { ...principal, role: cached.role };
  }

  /** Entries expire but are only replaced on use; past this many, expired ones are dropped. */
  private sweepWhenLarge(): void {
    if (this.cache.size < MAX_ENTRIES_BEFORE_SWEEP) {
      return;
    }
    const now = Date.now();
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) {
        this.cache.delete(key);
      }
    }
  }

  /** Drops the cached answer for one membership (after it changed or the user logged out). */
  forget(userId: string, tenantId: string): void {
    this.forgets += 1;
    this.cache.delete(`${userId}:${tenantId}`);
  }

  /** Drops every cached answer (the change feed re-subscribed and may have missed changes). */
  clear(): void {
    this.forgets += 1;
    this.cache.clear();
  }
}
