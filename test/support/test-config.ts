import { randomBytes } from 'node:crypto';
import { type AppConfig, type AuthConfig, type LimitsConfig, type TenancyConfig } from '../../src/config/app-config.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';

/** A gateway config for tests: random secrets, an ephemeral port, no background timers. */
export function testConfig(
  controlDatabaseUrl: string,
  tenancy: Partial<TenancyConfig> = {},
  auth: Partial<AuthConfig> = {},
  limits: Partial<LimitsConfig> = {},
): AppConfig {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    corsOrigins: ['https://spa.example'],
    logLevel: 'silent',
    controlDatabaseUrl,
    controlPoolMax: 5,
    dataDir: '/nonexistent-test-data-dir',
    embeddedPgPort: 0,
    keyRing: createKeyRing(generateEncryptionKey('test-key'), []),
    auth: {
      jwtSecret: randomBytes(32),
      issuer: 'tenantgate-test',
      audience: 'tenantgate-test-api',
      accessTtlSeconds: 300,
      refreshTtlSeconds: 3600,
      membershipCacheTtlMs: 1,
      ...auth,
    },
    graphql: { maxDepth: 15, maxCost: 25000, maxNodes: 50000, maxAliases: 15 },
    explorer: 'sandbox',
    trustProxy: false,
    // Off unless a test turns them on: suites send hundreds of requests as one user.
    limits: { perUserPerWindow: 0, perTenantPerWindow: 0, requestWindowSeconds: 60, failuresPerAccount: 0, failuresPerAddress: 0, loginWindowSeconds: 900, ...limits },
    tenancy: {
      configTtlMs: 60_000,
      clientIdleTtlMs: 60_000,
      maxClients: 50,
      defaultPoolMax: 3,
      connectionBudget: 40,
      budgetWaitMs: 5_000,
      poolGrowAfterMs: 5,
      cleanupIntervalMs: 0,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 15_000,
      idleInTransactionTimeoutMs: 10_000,
      breakerFailures: 5,
      breakerHalfOpenMs: 5_000,
      ...tenancy,
    },
    controlPlane: { serveCachedDuringOutage: false, listenerRetryMaxMs: 1_000, readinessTimeoutMs: 2_000 },
    shutdownDrainMs: 10_000,
    requestTimeoutMs: 30_000,
    metrics: { topTenants: 20, topTenantsWindowMs: 60_000 },
  };
}
