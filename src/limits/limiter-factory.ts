import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The control-plane table every limit keeps its counters in (see prisma/control/schema.prisma). */
const COUNTER_TABLE = 'rate_limit_counters';

/** The limits, as named in counters and metrics. */
export type LimitName = 'requests-user' | 'requests-tenant' | 'login-account' | 'login-address';

/** Told of every refusal, for the rate_limited metric. */
export type RefusalListener = (limit: LimitName) => void;

/** One limit: at most `points` in `durationSeconds`, then refused for `blockSeconds` (default: the rest of the window). */
export interface LimitRule {
  /** Distinguishes this limit's keys from the others' in the shared table. */
  name: LimitName;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

/** Builds the limiter of one rule, or none for a rule of 0 points (that limit is off). */
export type LimiterFactory = (rule: LimitRule) => RateLimiterAbstract | null;

/**
 * Limiters whose counters live in the control plane, so every replica counts against the same
 * budget. Should the control plane fail, each limiter falls back to an in-process counter with the
 * same rule (the library's insurance limiter) rather than failing requests or letting all through.
 */
export function postgresLimiters(pool: pg.Pool): LimiterFactory {
  return (rule) =>
    rule.points <= 0
      ? null
      : new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          tableName: COUNTER_TABLE,
          tableCreated: true,
          keyPrefix: rule.name,
          points: rule.points,
          duration: rule.durationSeconds,
          blockDuration: rule.blockSeconds ?? 0,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds, blockDuration: rule.blockSeconds ?? 0 }),
        });
}

/** Seconds until a refused caller may try again (at least 1), from the library's refusal. */
export function retryAfterSeconds(refusal: unknown): number | null {
  return refusal instanceof RateLimiterRes ? Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) : null;
}
