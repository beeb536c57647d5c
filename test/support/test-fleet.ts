import { createApp, type App, type AppOptions } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password-hasher.js';
import { type AppConfig, type AuthConfig, type ExplorerMode, type LimitsConfig, type MetricsConfig, type TenancyConfig } from '../../src/config/app-config.js';
import { type KeyRing } from '../../src/crypto/key-ring.js';
import { type MembershipRole } from '../../src/generated/control/enums.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { connectDatasource, type StandaloneTenantClient } from '../../src/tenancy/tenant-client-factory.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { postGraphQL, type GraphQLResult, type RequestOptions } from './graphql-client.js';
import { testConfig } from './test-config.js';

export const TEST_PASSWORD = 'correct horse battery staple';
export type TenantSlug = 'acme' | 'globex' | 'initech' | 'umbrella';

export interface FleetTenant {
  id: string;
  slug: TenantSlug;
  url: string;
  datasourceId: string;
}

/** A running gateway over four tenants: acme and globex dedicated, initech and umbrella pooled. */
export interface TestFleet {
  app: App;
  config: AppConfig;
  tenants: Record<TenantSlug, FleetTenant>;
  databases: Record<'control' | 'acme' | 'globex' | 'pooled', TestDatabase>;
  gql<T = Record<string, unknown>>(query: string, options?: RequestOptions): Promise<GraphQLResult<T>>;
  login(email: string, tenantSlug?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** An unscoped client on a tenant's database, for planting and checking rows behind the gateway. */
  rawDb(slug: TenantSlug): Promise<StandaloneTenantClient>;
  close(): Promise<void>;
}

const LOGIN = `mutation($email: String!, $password: String!, $tenantSlug: String) {
  login(email: $email, password: $password, tenantSlug: $tenantSlug) { accessToken refreshToken }
}`;

/** Options of {@link startTestFleet}. */
export interface TestFleetOptions extends AppOptions {
  tenancy?: Partial<TenancyConfig>;
  /** Default: the test config's, whose membership cache lasts 1 ms. */
  auth?: Partial<AuthConfig>;
  /** The gateway's key ring (provisioning seals under its active key). Default: one random key. */
  keyRing?: KeyRing;
  /** What GET /graphql shows a browser. Default: the test config's `sandbox`. */
  explorer?: ExplorerMode;
  /** Rate limits and login throttling; default all off (see testConfig). */
  limits?: Partial<LimitsConfig>;
  /** Default: the test config's 30 s. */
  requestTimeoutMs?: number;
  /** Default: the test config's 20 busiest tenants per minute. */
  metrics?: Partial<MetricsConfig>;
}

/**
 * Builds the control plane and three tenant databases on the test Postgres, provisions four
 * tenants through the product's own provisioning code, adds users, and starts the gateway.
 * Users: `owner@<slug>.test` (OWNER), `viewer@<slug>.test` (VIEWER), `multi@tenants.test`
 * (MEMBER of acme, OWNER of globex), `admin@tenantgate.test` (platform admin, no membership).
 */
export async function startTestFleet(options: TestFleetOptions = {}): Promise<TestFleet> {
  const databases = {
    control: await createTestDatabase('control'),
    acme: await createTestDatabase('acme'),
    globex: await createTestDatabase('globex'),
    pooled: await createTestDatabase('pooled'),
  };
  await applyMigrations({ databaseUrl: databases.control.url, migrationsDir: controlMigrationsDir });
  const config = {
    ...testConfig(databases.control.url, options.tenancy, options.auth, options.limits),
    ...(options.keyRing ? { keyRing: options.keyRing } : {}),
    ...(options.explorer ? { explorer: options.explorer } : {}),
  };
  config.requestTimeoutMs = options.requestTimeoutMs ?? config.requestTimeoutMs;
  config.metrics = { ...config.metrics, ...options.metrics };
  const app = await createApp(config, { ...options, logger: options.logger });
  const control = app.control.client;
  const specs: { slug: TenantSlug; db: TestDatabase; datasource: string; kind: 'DEDICATED' | 'POOLED' }[] = [
    { slug: 'acme', db: databases.acme, datasource: 'acme-db', kind: 'DEDICATED' },
    { slug: 'globex', db: databases.globex, datasource: 'globex-db', kind: 'DEDICATED' },
    { slug: 'initech', db: databases.pooled, datasource: 'pooled-db', kind: 'POOLED' },
    { slug: 'umbrella', db: databases.pooled, datasource: 'pooled-db', kind: 'POOLED' },
  ];
  const passwordHash = await hashPassword(TEST_PASSWORD, { logN: 10, r: 8, p: 1 });
  const member = async (email: string, tenantId: string, role: MembershipRole) => {
    const user = await upsertUser(control, { email, displayName: email, passwordHash });
    await addMember(control, { userId: user.id, tenantId, role });
  };
  const tenants = {} as Record<TenantSlug, FleetTenant>;
  for (const spec of specs) {
    const { tenant, datasource } = await provisionTenant(
      { control, keyRing: config.keyRing },
      // Two connections per datasource keep churn tests within a shared server's max_connections.
      { slug: spec.slug, name: `${spec.slug} test tenant`, datasource: { name: spec.datasource, kind: spec.kind, url: spec.db.url, poolMax: 2 } },
    );
    tenants[spec.slug] = { id: tenant.id, slug: spec.slug, url: spec.db.url, datasourceId: datasource.id };
    await member(`owner@${spec.slug}.test`, tenant.id, 'OWNER');
    await member(`viewer@${spec.slug}.test`, tenant.id, 'VIEWER');
  }
  await member('multi@tenants.test', tenants.acme.id, 'MEMBER');
  await member('multi@tenants.test', tenants.globex.id, 'OWNER');
  await upsertUser(control, { email: 'admin@tenantgate.test', displayName: 'Admin', passwordHash, isPlatformAdmin: true });

  const rawClients: StandaloneTenantClient[] = [];
  const gql = <T>(query: string, requestOptions?: RequestOptions) => postGraphQL<T>(app.url, query, requestOptions);
  return {
    app,
    config,
    tenants,
    databases,
    gql,
    async login(email, tenantSlug) {
      const result = await gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
        variables: { email, password: TEST_PASSWORD, tenantSlug },
      });
      if (!result.data) {
        throw new Error(`test login failed for ${email}: ${JSON.stringify(result.errors)}`);
      }
      return result.data.login;
    },
    async rawDb(slug) {
      const client = await connectDatasource({ url: tenants[slug].url, poolMax: 2, connectTimeoutMs: 5_000, applicationName: 'test-raw' });
      rawClients.push(client);
      return client;
    },
    async close() {
      await Promise.all(rawClients.map((client) => client.close()));
      await app.close();
      for (const db of Object.values(databases)) {
        await db.drop();
      }
    },
  };
}
