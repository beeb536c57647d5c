import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateDevKey } from '../crypto/dev-key.js';
import { createKeyRing, parseEncryptionKey, parseKeyList, type KeyRing } from '../crypto/key-ring.js';
import { type AppConfig, type AuthConfig, type ExplorerMode } from './app-config.js';
import { envSchema, type Env } from './config.schema.js';

/** A configuration problem; the message names the variable and never echoes a secret. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MIN_JWT_SECRET_BYTES = 32;

function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

function loadKeyRing(env: Env, dataDir: string, log: (message: string) => void): KeyRing {
  const previous = parseKeyList(env.TENANTGATE_ENCRYPTION_KEYS_PREVIOUS, 'TENANTGATE_ENCRYPTION_KEYS_PREVIOUS');
  if (env.TENANTGATE_ENCRYPTION_KEY) {
    return createKeyRing(parseEncryptionKey(env.TENANTGATE_ENCRYPTION_KEY, 'TENANTGATE_ENCRYPTION_KEY'), previous);
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('TENANTGATE_ENCRYPTION_KEY is required when NODE_ENV=production (format <keyId>:<base64 of 32 bytes>)');
  }
  return createKeyRing(loadOrCreateDevKey(dataDir, log), previous);
}

function loadJwtSecret(env: Env, dataDir: string, log: (message: string) => void): Uint8Array {
  if (env.JWT_SECRET) {
    const secret = Buffer.from(env.JWT_SECRET, 'utf8');
    if (secret.length < MIN_JWT_SECRET_BYTES) {
      throw new ConfigError(`JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes long`);
    }
    return secret;
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(`JWT_SECRET is required when NODE_ENV=production (at least ${MIN_JWT_SECRET_BYTES} bytes)`);
  }
  const file = join(dataDir, 'jwt.secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    log(`generated a development JWT signing secret at ${file}; set JWT_SECRET in production`);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

/** The rotated-out signing secret and when its tokens stop being accepted; both or neither. */
function loadPreviousJwtSecret(env: Env): AuthConfig['previousJwtSecret'] {
  if (!env.JWT_PREVIOUS_SECRET) {
    if (env.JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL) {
      throw new ConfigError('JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL is set without JWT_PREVIOUS_SECRET');
    }
    return undefined;
  }
  if (!env.JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL) {
    throw new ConfigError('JWT_PREVIOUS_SECRET needs JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL (an ISO 8601 time after which its tokens are refused)');
  }
  return { secret: Buffer.from(env.JWT_PREVIOUS_SECRET, 'utf8'), acceptUntil: new Date(env.JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL) };
}

/** The explorer when GRAPHQL_EXPLORER is unset: one while developing, none in production. */
function defaultExplorerMode(nodeEnv: Env['NODE_ENV']): ExplorerMode {
  return nodeEnv === 'production' ? 'off' : 'sandbox';
}

/**
 * Parses and validates the environment once at boot. In development a missing encryption key or
 * JWT secret is generated under the data directory (with a notice); in production it is an error.
 */
export function loadConfig(source: Record<string, string | undefined>, log: (message: string) => void): AppConfig {
  const env = parseEnv(source);
  const dataDir = resolve(env.TENANTGATE_DATA_DIR);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    corsOrigins: env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL,
    controlDatabaseUrl: env.DATABASE_URL,
    controlPoolMax: env.CONTROL_POOL_MAX,
    dataDir,
    embeddedPgPort: env.EMBEDDED_PG_PORT,
    keyRing: loadKeyRing(env, dataDir, log),
    auth: {
      jwtSecret: loadJwtSecret(env, dataDir, log),
      previousJwtSecret: loadPreviousJwtSecret(env),
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      membershipCacheTtlMs: env.MEMBERSHIP_CACHE_TTL_MS,
    },
    graphql: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST, maxNodes: env.GRAPHQL_MAX_NODES, maxAliases: env.GRAPHQL_MAX_ALIASES },
    explorer: env.GRAPHQL_EXPLORER ?? defaultExplorerMode(env.NODE_ENV),
    trustProxy: env.TRUST_PROXY === 'true',
    limits: {
      perUserPerWindow: env.RATE_LIMIT_USER_REQUESTS,
      perTenantPerWindow: env.RATE_LIMIT_TENANT_REQUESTS,
      requestWindowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      failuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
      failuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
    },
    tenancy: {
      configTtlMs: env.TENANT_CONFIG_TTL_MS,
      clientIdleTtlMs: env.TENANT_CLIENT_IDLE_TTL_MS,
      maxClients: env.TENANT_CLIENT_MAX,
      defaultPoolMax: env.TENANT_POOL_MAX,
      connectionBudget: env.TENANT_CONNECTION_BUDGET,
      budgetWaitMs: env.TENANT_BUDGET_WAIT_MS,
      poolGrowAfterMs: env.TENANT_POOL_GROW_AFTER_MS,
      cleanupIntervalMs: env.TENANT_CLEANUP_INTERVAL_MS,
      connectTimeoutMs: env.TENANT_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.TENANT_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.TENANT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      breakerFailures: env.TENANT_BREAKER_FAILURES,
      breakerHalfOpenMs: env.TENANT_BREAKER_HALF_OPEN_MS,
    },
    controlPlane: {
      serveCachedDuringOutage: env.CONTROL_PLANE_OUTAGE_SERVE_CACHED === 'true',
      listenerRetryMaxMs: env.CHANGE_LISTENER_RETRY_MAX_MS,
      readinessTimeoutMs: env.READINESS_TIMEOUT_MS,
    },
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    metrics: { topTenants: env.METRICS_TOP_TENANTS, topTenantsWindowMs: env.METRICS_TOP_TENANTS_WINDOW_MS },
  };
}
