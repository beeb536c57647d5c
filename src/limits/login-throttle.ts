import { type RateLimiterAbstract } from 'rate-limiter-flexible';
import { type LimiterFactory, retryAfterSeconds } from './limiter-factory.js';
import { rateLimited } from './rate-limited-error.js';

/** Failed logins allowed before a pause; 0 turns a limit off. */
export interface LoginThrottleSettings {
  /** Failures per account (email) in 15 minutes, then that account is paused for 15 minutes. */
  failuresPerAccount: number;
  /** Failures per client address in an hour, then that address is paused for an hour. */
  failuresPerAddress: number;
}

const ACCOUNT_WINDOW_SECONDS = 15 * 60;
const ADDRESS_WINDOW_SECONDS = 60 * 60;

/**
 * Slows password guessing: too many failed logins for one account (from anywhere) or from one
 * address (for any accounts) pause further attempts, successful or not, until the window ends.
 * Only failures count, so a user who logs in often is never throttled; a success clears the
 * account's count. The refusal is the same whether or not the account exists.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract | null;
  private readonly byAddress: RateLimiterAbstract | null;

  constructor(settings: LoginThrottleSettings, limiters: LimiterFactory) {
    this.byAccount =
      settings.failuresPerAccount > 0
        ? limiters({ name: 'login-account', points: settings.failuresPerAccount, durationSeconds: ACCOUNT_WINDOW_SECONDS, blockSeconds: ACCOUNT_WINDOW_SECONDS })
        : null;
    this.byAddress =
      settings.failuresPerAddress > 0
        ? limiters({ name: 'login-address', points: settings.failuresPerAddress, durationSeconds: ADDRESS_WINDOW_SECONDS, blockSeconds: ADDRESS_WINDOW_SECONDS })
        : null;
  }

  /** Throws RATE_LIMITED while the account or the address is paused. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.byAccount?.get(email), this.byAddress?.get(address)]);
    const paused = [account, fromAddress].find((state) => state && state.remainingPoints <= 0);
    if (paused) {
      throw rateLimited('too many failed logins', Math.max(1, Math.ceil(paused.msBeforeNext / 1000)));
    }
  }

  /** Counts a failed login; throws RATE_LIMITED when it was the last one allowed. */
  async recordFailure(email: string, address: string): Promise<void> {
    const outcomes = await Promise.allSettled([this.byAccount?.consume(email), this.byAddress?.consume(address)]);
    const paused = outcomes.map((outcome) => (outcome.status === 'rejected' ? retryAfterSeconds(outcome.reason) : null)).find((seconds) => seconds);
    if (paused) {
      throw rateLimited('too many failed logins', paused);
    }
  }

  /** Clears the account's failures after a successful login. */
  async recordSuccess(email: string): Promise<void> {
    await this.byAccount?.delete(email);
  }
}
