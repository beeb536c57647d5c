import { type RateLimiterAbstract } from 'rate-limiter-flexible';
import { type Principal } from '../auth/principal.js';
import { type LimiterFactory, type LimitName, type RefusalListener, retryAfterSeconds } from './limiter-factory.js';
import { rateLimited } from './rate-limited-error.js';

/** Requests per window; 0 turns a limit off. */
export interface RequestLimitSettings {
  perUserPerWindow: number;
  perTenantPerWindow: number;
  requestWindowSeconds: number;
}

/**
 * Counts every authenticated GraphQL request against its user and its tenant, so one busy user
 * cannot take a tenant's share and one busy tenant cannot take the gateway's. Both counters move
 * in one round of queries; a request over either limit is refused before any resolver runs.
 */
export class RequestRateLimits {
  private readonly perUser: RateLimiterAbstract | null;
  private readonly perTenant: RateLimiterAbstract | null;

  constructor(
    settings: RequestLimitSettings,
    limiters: LimiterFactory,
    private readonly onRefused: RefusalListener = () => undefined,
  ) {
    const rule = (name: LimitName, points: number) => limiters({ name, points, durationSeconds: settings.requestWindowSeconds });
    this.perUser = rule('requests-user', settings.perUserPerWindow);
    this.perTenant = rule('requests-tenant', settings.perTenantPerWindow);
  }

  /** Counts one request; throws RATE_LIMITED (HTTP 429, Retry-After) when it is one too many. */
  async consume(principal: Principal): Promise<void> {
    const outcomes = await Promise.allSettled([
      this.perUser?.consume(principal.userId),
      this.perTenant?.consume(principal.tenantId),
    ]);
    const [user, tenant] = outcomes.map((outcome) => (outcome.status === 'rejected' ? retryAfterSeconds(outcome.reason) : null));
    if (tenant) {
      this.onRefused('requests-tenant');
      throw rateLimited('your tenant has made too many requests', tenant);
    }
    if (user) {
      this.onRefused('requests-user');
      throw rateLimited('you have made too many requests', user);
    }
  }
}
