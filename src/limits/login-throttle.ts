import { type RateLimiterAbstract } from 'rate-limiter-flexible';
import { type LimiterFactory, type LimitName, type RefusalListener, retryAfterSeconds } from './limiter-factory.js';
import { rateLimited } from './rate-limited-error.js';

/** Failed logins allowed in each window before a pause; 0 turns a limit off. */
export interface LoginThrottleSettings {
  /** Failures per account (email), from any address. */
  failuresPerAccount: number;
  /** Failures per client address, for any accounts. */
  failuresPerAddress: number;
  loginWindowSeconds: number;
}

/**
 * Slows password guessing: too many failed logins for one account (from anywhere) or from one
 * address (for any accounts) pause further attempts, successful or not, until the window ends.
 * Only failures count, so a user who logs in often is never throttled; a success clears the
 * account's count. The refusal is the same whether or not the account exists.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract | null;
  private readonly byAddress: RateLimiterAbstract | null;

  constructor(
    settings: LoginThrottleSettings,
    limiters: LimiterFactory,
    private readonly onRefused: RefusalListener = () => undefined,
  ) {
    const window = settings.loginWindowSeconds;
    const rule = (name: LimitName, points: number) => limiters({ name, points, durationSeconds: window, blockSeconds: window });
    this.byAccount = rule('login-account', settings.failuresPerAccount);
    this.byAddress = rule('login-address', settings.failuresPerAddress);
  }

  /** Throws RATE_LIMITED while the account or the address is paused. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.byAccount?.get(email), this.byAddress?.get(address)]);
    const paused = [account, fromAddress].find((state) => state && state.remainingPoints <= 0);
    if (paused) {
      this.onRefused(paused === account ? 'login-account' : 'login-address');
      throw rateLimited('too many failed logins', Math.max(1, Math.ceil(paused.msBeforeNext / 1000)));
    }
  }

  /** Counts a failed login; throws RATE_LIMITED when it was the last one allowed. */
  async recordFailure(email: string, address: string): Promise<void> {
    const outcomes = await Promise.allSettled([this.byAccount?.consume(email), this.byAddress?.consume(address)]);
    const [account, fromAddress] = outcomes.map((outcome) => (outcome.status === 'rejected' ? retryAfterSeconds(outcome.reason) : null));
    const paused = account ?? fromAddress;
    if (paused) {
      this.onRefused(account ? 'login-account' : 'login-address');
      throw rateLimited('too many failed logins', paused);
    }
  }

  /** Clears the account's failures after a successful login. */
  async recordSuccess(email: string): Promise<void> {
    await this.byAccount?.delete(email);
  }
}
