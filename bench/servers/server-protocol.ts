import { type TenantClientPoolStats } from '../../src/tenancy/tenant-client-pool.js';
import { type ClientBuildTimings } from '../../src/tenancy/tenancy-observer.js';

/** The three servers each phase compares. */
export type ServerKind = 'raw-pg' | 'single-db' | 'gateway';

/** A server process's own view of itself, sampled by the harness. */
export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** User + system CPU time the process has used since it started. */
  cpuMs: number;
  /** Event-loop delay since the last reset. */
  loopDelayMs: { p50: number; p99: number; max: number };
  pool: TenantClientPoolStats | null;
  /** Route lookups and client builds since the previous sample (gateway only). */
  lookups: { tenantId: string; ms: number }[];
  builds: ClientBuildTimings[];
}

/** `gc` runs a full collection first (the process must run with `--expose-gc`). */
export type ServerRequest = { type: 'stats'; id: number; resetLoopDelay?: boolean; gc?: boolean } | { type: 'stop' };

export type ServerReply = { type: 'ready'; url: string } | { type: 'stats'; id: number; stats: ServerStats };
