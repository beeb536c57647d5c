import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { isDatasourceFailure } from './datasource-failure.js';

/** When a datasource's breaker opens and how long it stays open; defaults come from config. */
export interface BreakerSettings {
  /** Consecutive datasource failures that open its breaker (config default 5, `TENANT_BREAKER_FAILURES`). */
  failures: number;
  /**
   * How long an open breaker fails calls at once before it lets one trial call through (config
   * default 5 s, `TENANT_BREAKER_HALF_OPEN_MS`). Calls that arrive during the trial wait for it.
   */
  halfOpenAfterMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  // Never used: no breaker here is isolated by hand.
  [CircuitState.Isolated]: 'open',
};

/** One breaker that is not closed, or has failures, as `/metrics` shows it. */
export interface BreakerView {
  datasourceId: string;
  state: BreakerState;
  /** Datasource failures since this breaker was created. */
  failures: number;
}

/** The breakers' counters, for stats and `/metrics`. */
export interface BreakerStats {
  /** Breakers open or half-open now. */
  notClosed: number;
  /** State changes since start, by the state entered. */
  transitions: Record<BreakerState, number>;
  /** Calls refused at once because their datasource's breaker was open. */
  rejected: number;
}

interface Breaker {
  policy: CircuitBreakerPolicy;
  failures: number;
}

/**
 * One circuit breaker per datasource (cockatiel's consecutive-failure breaker): a datasource that
 * fails `failures` times in a row (unreachable, refusing us, timed out, see `isDatasourceFailure`)
 * is refused at once with TENANT_UNAVAILABLE, without a connection attempt or a statement, until a
 * trial call after `halfOpenAfterMs` succeeds. Breakers are keyed by datasource id and share nothing,
 * so a failing database never changes how another is served, and nothing is ever sent elsewhere.
 */
export class DatasourceBreakers {
  private readonly breakers = new Map<string, Breaker>();
  private readonly transitions: Record<BreakerState, number> = { closed: 0, open: 0, 'half-open': 0 };
  private rejected = 0;

  /** `onStateChange` is told of every transition (the app logs it). */
  constructor(
    private readonly settings: BreakerSettings,
    private readonly onStateChange?: (datasourceId: string, state: BreakerState) => void,
  ) {}

  /**
   * Runs `call` (a connection attempt or a statement of `datasourceId`) through its breaker. A
   * datasource failure, or an open breaker, becomes TENANT_UNAVAILABLE without the driver's message
   * (it may name the host); any other error passes through unchanged.
   */
  async run<T>(datasourceId: string, call: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(datasourceId);
    try {
      return await breaker.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        this.rejected += 1;
        throw new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database is failing; requests are refused for a few seconds, retry shortly');
      }
      if (isDatasourceFailure(error)) {
        breaker.failures += 1;
        throw new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database is not available right now (unreachable or too slow); retry shortly');
      }
      throw error;
    }
  }

  /** The state of a datasource's breaker (`closed` for one never seen). */
  state(datasourceId: string): BreakerState {
    const breaker = this.breakers.get(datasourceId);
    return breaker ? STATE_NAMES[breaker.policy.state] : 'closed';
  }

  /** Drops a closed breaker of a datasource the pool retired; an open one is kept, so it keeps failing fast. */
  forget(datasourceId: string): void {
    if (this.state(datasourceId) === 'closed') {
      this.breakers.delete(datasourceId);
    }
  }

  stats(): BreakerStats {
    let notClosed = 0;
    for (const breaker of this.breakers.values()) {
      if (breaker.policy.state !== CircuitState.Closed) {
        notClosed += 1;
      }
    }
    return { notClosed, transitions: { ...this.transitions }, rejected: this.rejected };
  }

  /** Breakers that are not closed, most failures first, at most `limit` of them (bounded label sets). */
  notClosed(limit: number): BreakerView[] {
    const views: BreakerView[] = [];
    for (const [datasourceId, breaker] of this.breakers) {
      if (breaker.policy.state !== CircuitState.Closed) {
        views.push({ datasourceId, state: STATE_NAMES[breaker.policy.state], failures: breaker.failures });
      }
    }
    return views.sort((a, b) => b.failures - a.failures).slice(0, limit);
  }

  private breakerFor(datasourceId: string): Breaker {
    let breaker = this.breakers.get(datasourceId);
    if (!breaker) {
      const policy = circuitBreaker(handleWhen(isDatasourceFailure), {
        halfOpenAfter: this.settings.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.settings.failures),
      });
      policy.onStateChange((state) => {
        const name = STATE_NAMES[state];
        this.transitions[name] += 1;
        this.onStateChange?.(datasourceId, name);
      });
      breaker = { policy, failures: 0 };
      this.breakers.set(datasourceId, breaker);
    }
    return breaker;
  }
}
