import { z } from 'zod';
import { EXPLORER_MODES } from './app-config.js';

const duration = (fallbackMs: number) => z.coerce.number().int().positive().default(fallbackMs);

/**
 * Every environment variable the gateway reads, with its default. `.env.example` documents each one;
 * keep the two in step.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  CORS_ORIGINS: z.string().default('*'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  CONTROL_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TENANTGATE_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  TENANTGATE_ENCRYPTION_KEY: z.string().optional(),
  TENANTGATE_ENCRYPTION_KEYS_PREVIOUS: z.string().optional(),
  JWT_SECRET: z.string().optional(),
  JWT_PREVIOUS_SECRET: z.string().optional(),
  JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL: z.iso.datetime({ offset: true }).optional(),
  JWT_ISSUER: z.string().min(1).default('tenantgate'),
  JWT_AUDIENCE: z.string().min(1).default('tenantgate-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).default(30 * 24 * 3600),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(25000),
  GRAPHQL_MAX_NODES: z.coerce.number().int().min(1).default(50000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_EXPLORER: z.enum(EXPLORER_MODES).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RATE_LIMIT_USER_REQUESTS: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_TENANT_REQUESTS: z.coerce.number().int().min(0).default(3000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(0).default(10),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(100),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  MEMBERSHIP_CACHE_TTL_MS: duration(30_000),
  TENANT_CONFIG_TTL_MS: duration(5 * 60_000),
  TENANT_CLIENT_IDLE_TTL_MS: duration(60 * 60_000),
  TENANT_CLIENT_MAX: z.coerce.number().int().min(1).default(5000),
  TENANT_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  TENANT_CONNECTION_BUDGET: z.coerce.number().int().min(1).default(80),
  TENANT_BUDGET_WAIT_MS: duration(5_000),
  TENANT_POOL_GROW_AFTER_MS: z.coerce.number().int().min(0).default(5),
  TENANT_CLEANUP_INTERVAL_MS: duration(60_000),
  TENANT_CONNECT_TIMEOUT_MS: duration(5_000),
  CONTROL_PLANE_OUTAGE_SERVE_CACHED: z.enum(['true', 'false']).default('false'),
  CHANGE_LISTENER_RETRY_MAX_MS: duration(5_000),
  READINESS_TIMEOUT_MS: duration(2_000),
  SHUTDOWN_DRAIN_MS: duration(10_000),
  TENANT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  TENANT_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  TENANT_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  TENANT_BREAKER_HALF_OPEN_MS: duration(5_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  METRICS_TOP_TENANTS: z.coerce.number().int().min(0).max(500).default(20),
  METRICS_TOP_TENANTS_WINDOW_MS: duration(60_000),
});

export type Env = z.infer<typeof envSchema>;
