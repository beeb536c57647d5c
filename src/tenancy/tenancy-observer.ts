/** How long each step of building one tenant client took, in milliseconds. */
export interface ClientBuildTimings {
  datasourceId: string;
  /** The tenant whose request caused the build. */
  tenantId: string;
  /** Opening the sealed datasource URL (AES-256-GCM). */
  decryptMs: number;
  /** Constructing the `pg` pool and the PrismaClient over it. */
  constructMs: number;
  /** Opening the first connection (TCP, TLS when configured, authentication). */
  connectMs: number;
  /** The probe query through Prisma on that connection. */
  probeMs: number;
  totalMs: number;
}

/**
 * Hooks into the tenant request path for metrics and the benchmark harness. Every hook is optional
 * and must return quickly: it runs on the request path.
 */
export interface TenancyObserver {
  /** A control-plane lookup of a tenant's route finished (cache misses only). */
  routeLookedUp?(tenantId: string, ms: number): void;
  /** A tenant client was built and connected. */
  clientBuilt?(timings: ClientBuildTimings): void;
}
