import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { FleetAdminService } from './admin/fleet-admin.service.js';
import { MigrationAdminService } from './admin/migration-admin.service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService } from './auth/auth.service.js';
import { MembershipChecker } from './auth/membership-checker.js';
import { RefreshTokens } from './auth/refresh-tokens.js';
import { type AppConfig } from './config/app-config.js';
import { AuditLog } from './control/audit-log.js';
import { ChangeListener } from './control/change-listener.js';
import { applyChange, dropAll } from './control/replica-caches.js';
import { createControlPlane, type ControlPlane } from './control/control-client.js';
import { buildGatewaySchema } from './graphql/build-schema.js';
import { gatewayResolvers } from './modules/resolvers.js';
import { createContextFactory, type RequestContext } from './graphql/context.js';
import { queryCostPlugin } from './graphql/cost/query-cost.plugin.js';
import { formatError } from './graphql/format-error.js';
import { auditPlugin } from './graphql/plugins/audit.plugin.js';
import { queryLimitProtection } from './graphql/plugins/query-limits.js';
import { releaseTenantLeasePlugin } from './graphql/plugins/release-tenant-lease.plugin.js';
import { requestLoggingPlugin } from './graphql/plugins/request-logging.plugin.js';
import { postgresLimiters } from './limits/limiter-factory.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { combineObservers } from './metrics/observers.js';
import { LoginThrottle } from './limits/login-throttle.js';
import { RequestRateLimits } from './limits/request-limits.js';
import { createLogger, type Logger } from './logging/logger.js';
import { MemberService } from './modules/members/member.service.js';
import { readMigrationFiles } from './ops/migrations/migration-files.js';
import { tenantMigrationsDir } from './paths.js';
import { landingPagePlugin } from './server/explorer/explorer-mode.js';
import { graphiqlRoute } from './server/explorer/graphiql-route.js';
import { createHttpHandler } from './server/http-handler.js';
import { InFlightRequests } from './server/in-flight-requests.js';
import { readinessProbe } from './server/readiness.js';
import { DatasourceBreakers } from './tenancy/datasource-breaker.js';
import { DatasourceRegistry, type TenantRoute } from './tenancy/datasource-registry.js';
import { type ConnectionBudget } from './tenancy/connection-budget.js';
import { type DatasourceConnection } from './tenancy/tenant-client-factory.js';
import { TenantClientPool } from './tenancy/tenant-client-pool.js';
import { TenantRuntime } from './tenancy/tenant-runtime.js';
import { type TenancyObserver } from './tenancy/tenancy-observer.js';
import { createDatasourceConnector, TenantConnections, type TenantAccess } from './tenancy/tenant-connections.js';

/** Seams for tests and tools; production passes none of them. */
export interface AppOptions {
  logger?: Logger;
  /**
   * Replaces how a datasource's pool is opened on the budget (tests use it to break routing on
   * purpose, e.g. by opening one tenant's pool on another tenant's database).
   */
  connect?: (route: TenantRoute, budget: ConnectionBudget) => Promise<DatasourceConnection>;
  /**
   * Test seam: turns off the guard that keeps Prisma from batching calls of different datasources
   * (see `tenant-scope.ts`), so the isolation suite can prove it catches the mis-route.
   */
  unguardedBatching?: boolean;
  /**
   * Replaces the whole route-and-pool path to tenant data (the benchmark's single-database
   * baseline serves every tenant from one client through it).
   */
  tenantAccess?: TenantAccess;
  /** Hooks for route lookups and client builds (the benchmark times cold activations with them). */
  observer?: TenancyObserver;
}

/** A running gateway and the parts tests and the admin CLI inspect. */
export interface App {
  server: Server;
  url: string;
  control: ControlPlane;
  registry: DatasourceRegistry;
  pool: TenantClientPool;
  /** The tenant datasources' circuit breakers. */
  breakers: DatasourceBreakers;
  /** The audit trail writer; `audit.stats()` counts failed writes. */
  audit: AuditLog;
  /** The subscription to control-plane changes that keeps this replica's caches current. */
  listener: ChangeListener;
  logger: Logger;
  close(): Promise<void>;
}

async function latestTenantMigration(): Promise<string | null> {
  const files = await readMigrationFiles(tenantMigrationsDir);
  return files.at(-1)?.name ?? null;
}

/** Builds every dependency from the config, starts listening, and returns the app. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  if (!config.controlDatabaseUrl) {
    throw new Error('DATABASE_URL (the control-plane database) is required to serve');
  }
  const logger = options.logger ?? createLogger(config.logLevel);
  const control = createControlPlane(config.controlDatabaseUrl, config.controlPoolMax);
  const breakers = new DatasourceBreakers(
    { failures: config.tenancy.breakerFailures, halfOpenAfterMs: config.tenancy.breakerHalfOpenMs },
    (datasourceId, state) => logger[state === 'closed' ? 'info' : 'warn']({ datasourceId, state }, `tenant datasource circuit breaker ${state}`),
  );
  // Cached routes and memberships are trusted only while this replica hears every change, unless
  // the operator chose to keep serving them through a control-plane outage.
  const trustCache = () => listener.alive || config.controlPlane.serveCachedDuringOutage;
  // The pool and the audit log are read at scrape time, once both exist.
  const metrics = createGatewayMetrics({ pool: () => pool, audit: () => audit, breakers: () => breakers, listener: () => listener }, config.metrics);
  const observer = combineObservers(metrics.observer, { datasourceEvicted: (datasourceId) => breakers.forget(datasourceId) }, options.observer);
  const registry = new DatasourceRegistry({ control: control.client, ttlMs: config.tenancy.configTtlMs, observer, trustCache });
  const runtime = new TenantRuntime({
    transactionMaxWaitMs: config.tenancy.budgetWaitMs + config.tenancy.connectTimeoutMs,
    unguardedBatching: options.unguardedBatching,
  });
  const pool = new TenantClientPool({
    runtime,
    observer,
    connect:
      options.connect ??
      createDatasourceConnector({
        keyRing: config.keyRing,
        defaultPoolMax: config.tenancy.defaultPoolMax,
        connectionBudget: config.tenancy.connectionBudget,
        connectTimeoutMs: config.tenancy.connectTimeoutMs,
        statementTimeoutMs: config.tenancy.statementTimeoutMs,
        idleInTransactionTimeoutMs: config.tenancy.idleInTransactionTimeoutMs,
        budgetWaitMs: config.tenancy.budgetWaitMs,
        poolGrowAfterMs: config.tenancy.poolGrowAfterMs,
        breakers,
        logger,
        observer,
      }),
    maxClients: config.tenancy.maxClients,
    connectionBudget: config.tenancy.connectionBudget,
    defaultPoolMax: config.tenancy.defaultPoolMax,
    budgetWaitMs: config.tenancy.budgetWaitMs,
    idleTtlMs: config.tenancy.clientIdleTtlMs,
    cleanupIntervalMs: config.tenancy.cleanupIntervalMs,
    onEvict: (datasourceId, reason) => logger.debug({ datasourceId, reason }, 'tenant client retired'),
    onBudgetTimeout: () => {
      const { openConnections, connectionBudget, leasesInUse } = pool.stats();
      logger.warn(
        { openConnections, connectionBudget, leasesInUse },
        'no room in the tenant connection budget: a request got TENANT_UNAVAILABLE; raise TENANT_CONNECTION_BUDGET or lower pool sizes',
      );
    },
  });
  const tenants = options.tenantAccess ?? new TenantConnections(registry, pool, await latestTenantMigration());
  const accessTokens = new AccessTokens({
    secret: config.auth.jwtSecret,
    previous: config.auth.previousJwtSecret,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    ttlSeconds: config.auth.accessTtlSeconds,
  });
  const memberships = new MembershipChecker(control.client, config.auth.membershipCacheTtlMs, trustCache);
  const listener = new ChangeListener({
    url: config.controlDatabaseUrl,
    logger,
    retryMaxMs: config.controlPlane.listenerRetryMaxMs,
    onChange: (change) => {
      logger.debug({ change }, 'control-plane change received');
      applyChange({ registry, pool, memberships }, change);
    },
    onResync: () => dropAll({ registry, pool, memberships }),
  });
  await listener.start();
  const audit = new AuditLog(control.client, logger);
  const refreshTokens = new RefreshTokens(control.client, config.auth.refreshTtlSeconds);
  const limiters = postgresLimiters(control.pool);
  const auth = new AuthService(control.client, accessTokens, refreshTokens, memberships, audit, new LoginThrottle(config.limits, limiters, metrics.rateLimited));
  const members = new MemberService(control.client, memberships, refreshTokens);
  const admin = new FleetAdminService({ control: control.client, keyRing: config.keyRing, registry, pool });
  const migrations = new MigrationAdminService({ control: control.client, keyRing: config.keyRing, controlDatabaseUrl: config.controlDatabaseUrl });

  const server = createServer();
  const inFlight = new InFlightRequests();
  const limits = queryLimitProtection({ ...config.graphql, hideSuggestions: config.env === 'production' });
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildGatewaySchema(gatewayResolvers),
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // The CLI owns SIGINT/SIGTERM and closes the whole app in order; Apollo's own handler would
    // stop it a second time and then re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: config.env !== 'production',
    validationRules: limits.validationRules,
    plugins: [
      // Library seam: Armor's plugins are typed for the base context and never read ours.
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]),
      queryCostPlugin(config.graphql),
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: config.shutdownDrainMs }),
      releaseTenantLeasePlugin,
      requestLoggingPlugin(logger),
      auditPlugin(audit),
      ...metrics.plugins,
      landingPagePlugin(config.explorer),
    ],
  });
  await apollo.start();
  const context = createContextFactory({
    control: control.client,
    accessTokens,
    memberships,
    tenants,
    services: { auth, members, admin, migrations, audit },
    requestLimits: new RequestRateLimits(config.limits, limiters, metrics.rateLimited),
  });
  server.on(
    'request',
    createHttpHandler({
      apollo,
      context,
      corsOrigins: config.corsOrigins,
      inFlight,
      trustProxy: config.trustProxy,
      metrics,
      explorer: config.explorer === 'graphiql' ? graphiqlRoute() : undefined,
      ready: readinessProbe({ controlPool: control.pool, listenerAlive: () => listener.alive, timeoutMs: config.controlPlane.readinessTimeoutMs }),
      requestTimeoutMs: config.requestTimeoutMs,
    }),
  );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    server,
    url: `http://${config.host}:${port}`,
    control,
    registry,
    pool,
    breakers,
    audit,
    listener,
    logger,
    async close() {
      // Stops accepting connections, lets requests already received finish (closing each
      // connection once idle), and closes what is still open after the drain time.
      await apollo.stop();
      // Requests whose clients hung up still run; closing their pools under them would fail them.
      const settled = await inFlight.settled(config.shutdownDrainMs);
      if (!settled) {
        logger.warn({ inFlight: inFlight.size }, 'closing tenant clients with requests still running');
      }
      await listener.close();
      await pool.closeAll();
      await runtime.close();
      await control.close();
    },
  };
}
