import { type KeyRing } from '../crypto/key-ring.js';

/**
 * Which GraphQL explorer GET /graphql shows a browser:
 * - `sandbox`: Apollo's hosted sandbox (its code loads from Apollo's servers, so the browser needs
 *   internet access);
 * - `graphiql`: GraphiQL, whose assets this gateway serves itself (works air-gapped);
 * - `off`: no page.
 */
export const EXPLORER_MODES = ['sandbox', 'graphiql', 'off'] as const;
export type ExplorerMode = (typeof EXPLORER_MODES)[number];

/** Settings of the tenant client pool and datasource registry (see src/tenancy). */
export interface TenancyConfig {
  /** How long a tenant → datasource lookup is cached. */
  configTtlMs: number;
  /** A tenant datasource unused this long is closed. */
  clientIdleTtlMs: number;
  /** Hard cap on open tenant datasources (default 5000); the least recently used idle one is closed past it. */
  maxClients: number;
  /** Most connections of a datasource whose row does not set `pool_max`. */
  defaultPoolMax: number;
  /**
   * Most server connections all tenant datasources of this process may have open at once
   * (default 80: with the control-plane pool, under Postgres's default max_connections of 100).
   */
  connectionBudget: number;
  /** How long a request waits for a connection before TENANT_UNAVAILABLE (default 5 s). */
  budgetWaitMs: number;
  /**
   * How long a statement waits for a busy connection of its datasource before the datasource opens
   * another (default 5 ms; 0: at once). Keeps a request's statements on the connections there are.
   */
  poolGrowAfterMs: number;
  cleanupIntervalMs: number;
  /** Time allowed to open one connection to a tenant database (default 5 s). */
  connectTimeoutMs: number;
  /**
   * The server cancels a tenant statement running longer than this (`statement_timeout`, default
   * 15 s; 0 = the server's own setting), and the client gives up on an unanswered one a connect
   * timeout later (a frozen server cancels nothing).
   */
  statementTimeoutMs: number;
  /** The server ends a tenant session left idle inside a transaction this long (default 10 s; 0 = the server's setting). */
  idleInTransactionTimeoutMs: number;
  /** Consecutive failures of one datasource (unreachable, timed out, dropped) that open its circuit breaker (default 5). */
  breakerFailures: number;
  /** How long an open breaker fails requests at once before it lets one trial request through (default 5 s). */
  breakerHalfOpenMs: number;
}

/** Settings of `/metrics` whose label sets must stay bounded. */
export interface MetricsConfig {
  /** Tenants whose request latency gets a label of its own: the busiest by requests per window (default 20; the rest are `other`). */
  topTenants: number;
  /** The window the busiest tenants are counted over (default 60 s). */
  topTenantsWindowMs: number;
}

/** Settings of login, tokens and the membership check. */
export interface AuthConfig {
  jwtSecret: Uint8Array;
  /** The signing secret JWT_SECRET replaced, accepted for its tokens until `acceptUntil`. */
  previousJwtSecret?: { secret: Uint8Array; acceptUntil: Date };
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  membershipCacheTtlMs: number;
}

/** Abuse limits; every count is shared by the replicas through the control plane, 0 turns one off. */
export interface LimitsConfig {
  /** Authenticated GraphQL requests per user per window. */
  perUserPerWindow: number;
  /** Authenticated GraphQL requests per tenant per window, all its users together. */
  perTenantPerWindow: number;
  /** The request limits' window (default 60 s). */
  requestWindowSeconds: number;
  /** Failed logins per account in a login window before it is paused for the rest of it. */
  failuresPerAccount: number;
  /** Failed logins per client address in a login window before it is paused for the rest of it. */
  failuresPerAddress: number;
  /** The login throttle's window (default 15 minutes). */
  loginWindowSeconds: number;
}

/** How a replica follows the control plane and behaves while it cannot reach it. */
export interface ControlPlaneConfig {
  /**
   * While this replica cannot hear control-plane changes (its listener is down, usually because the
   * control plane is), keep serving tenants whose route and membership it has cached (true), or ask
   * the control plane on every request and fail closed with CONTROL_PLANE_UNAVAILABLE (false, default).
   */
  serveCachedDuringOutage: boolean;
  /** Longest wait between the change listener's reconnect attempts (default 5 s). */
  listenerRetryMaxMs: number;
  /** How long /readyz waits for the control plane to answer before reporting not ready (default 2 s). */
  readinessTimeoutMs: number;
}

/** The parsed, validated configuration handed to `createApp`. Only src/config reads the environment. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Browser origins allowed to call the API; `*` allows any (tokens are headers, not cookies). */
  corsOrigins: string[];
  logLevel: string;
  /** Control-plane database; absent in development means "start the embedded Postgres". */
  controlDatabaseUrl?: string;
  controlPoolMax: number;
  dataDir: string;
  embeddedPgPort: number;
  keyRing: KeyRing;
  auth: AuthConfig;
  /** Limits on one GraphQL document (depth, cost, aliases). */
  graphql: { maxDepth: number; maxCost: number; maxNodes: number; maxAliases: number };
  /** What GET /graphql shows a browser (GRAPHQL_EXPLORER; default `sandbox`, `off` in production). */
  explorer: ExplorerMode;
  /** Believe X-Forwarded-For for the client's address (only behind a proxy that sets it). */
  trustProxy: boolean;
  limits: LimitsConfig;
  tenancy: TenancyConfig;
  controlPlane: ControlPlaneConfig;
  /** On SIGTERM, how long requests already received may run before their connections are closed (default 10 s). */
  shutdownDrainMs: number;
  /** A GraphQL request still running after this long is answered with REQUEST_TIMEOUT (default 30 s; 0 = no limit). */
  requestTimeoutMs: number;
  metrics: MetricsConfig;
}
