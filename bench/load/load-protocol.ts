import { type LatencySummary } from '../support/percentiles.js';
import { type ExpectedTenant, type QueryShape } from './bench-query.js';
import { type Distribution } from './tenant-picker.js';

/** One bounded load run, sent to the load process. */
export interface LoadJob {
  url: string;
  tenants: (ExpectedTenant & { token: string })[];
  /** The query every request sends; default the accounts page. */
  shape?: QueryShape;
  distribution: Distribution;
  connections: number;
  durationSeconds: number;
  /** Load sent first and not measured (fills caches and JIT). */
  warmupSeconds: number;
  seed: number;
}

/** What the load process measured; every response was checked. */
export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** Every measured response time (ms), so rounds can be pooled exactly. */
  latencies: number[];
  /** Responses that failed the check (HTTP status, GraphQL error, wrong tenant's rows). */
  failures: number;
  /** Socket errors and timeouts. */
  transportErrors: number;
  firstFailure: string | null;
  /** Requests per tenant index, to show the traffic shape. */
  perTenant: number[];
  /** Every answered request, warm-up included: what the server's CPU time is divided by. */
  servedRequests: number;
}
