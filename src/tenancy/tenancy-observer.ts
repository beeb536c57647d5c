import { type EvictionReason } from './tenant-client-pool.js';

/** How long each step of opening one tenant datasource took, in milliseconds. */
export interface ClientBuildTimings {
  datasourceId: string;
  /** The tenant whose request caused the build. */
  tenantId: string;
  /** Opening the sealed datasource URL (AES-256-GCM). */
  decryptMs: number;
  /** Constructing the datasource's `pg` pool and its driver adapter (the Prisma runtime is shared). */
  constructMs: number;
  /** Opening the first connections (TCP, TLS when configured, authentication, the server's backend start). */
  connectMs: number;
  totalMs: number;
}

/**
 * Hooks into the tenant request path for metrics and the benchmark harness. Every hook is optional
 * and must return quickly: it runs on the request path. Connection counts are in the pool's stats.
 */
export interface TenancyObserver {
  /** A control-plane lookup of a tenant's route finished (cache misses only). */
  routeLookedUp?(tenantId: string, ms: number): void;
  /** A tenant datasource was opened with its first connections. */
  clientBuilt?(timings: ClientBuildTimings): void;
  /** A request found its datasource open already. */
  datasourceHit?(datasourceId: string): void;
  /** A datasource was retired (it closes once its requests finish). */
  datasourceEvicted?(datasourceId: string, reason: EvictionReason): void;
}
