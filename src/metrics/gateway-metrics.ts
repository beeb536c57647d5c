import { type ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { type MetricsConfig } from '../config/app-config.js';
import { type AuditLog } from '../control/audit-log.js';
import { type ChangeListener } from '../control/change-listener.js';
import { type RequestContext } from '../graphql/context.js';
import { type LimitName } from '../limits/limiter-factory.js';
import { type DatasourceBreakers } from '../tenancy/datasource-breaker.js';
import { type TenancyObserver } from '../tenancy/tenancy-observer.js';
import { type TenantClientPool } from '../tenancy/tenant-client-pool.js';
import { breakerMetrics } from './breaker-metrics.js';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin.js';
import { mirroredCounter } from './mirrored-counter.js';
import { tenancyMetrics } from './tenancy-metrics.js';
import { tenantLatencyPlugin } from './tenant-latency.plugin.js';

/** What the gateway reports at /metrics, in its own registry (one per app, so tests get their own). */
export interface GatewayMetrics {
  /** Prometheus text format. */
  render(): Promise<string>;
  contentType: string;
  /** Feeds the tenancy core's events into the metrics. */
  observer: TenancyObserver;
  /** GraphQL operation durations, and request durations of the busiest tenants. */
  plugins: ApolloServerPlugin<RequestContext>[];
  rateLimited(limit: LimitName): void;
}

/** Where the metrics read their figures at scrape time. */
export interface MetricsSources {
  pool: () => TenantClientPool;
  audit: () => AuditLog;
  breakers: () => DatasourceBreakers;
  listener: () => Pick<ChangeListener, 'alive' | 'subscriptions'>;
}

/**
 * Builds the registry: process metrics (CPU, memory, event-loop lag), the tenancy core's figures,
 * datasource breakers, the control-plane change listener, GraphQL operation durations, the busiest tenants' request durations,
 * rate-limit refusals and audit-write failures. The sources are read at scrape time, so they may be
 * built after the metrics (the pool takes the observer).
 */
export function createGatewayMetrics(sources: MetricsSources, settings: MetricsConfig): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tenantgate_' });
  const observer = tenancyMetrics(registry, sources.pool);
  breakerMetrics(registry, sources.breakers);
  mirroredCounter(registry, 'tenantgate_audit_write_failures_total', 'Audit rows that could not be written (logged; the mutation still succeeded).', () => sources.audit().stats().failedWrites);
  new Gauge({
    name: 'tenantgate_change_listener_up',
    help: '1 while this replica hears control-plane changes (LISTEN), 0 while it reconnects.',
    registers: [registry],
    collect() {
      this.set(sources.listener().alive ? 1 : 0);
    },
  });
  mirroredCounter(registry, 'tenantgate_change_listener_subscriptions_total', 'Subscriptions the change listener made; each one after the first followed a lost connection and dropped every cached route and membership.', () => sources.listener().subscriptions);
  const refusals = new Counter({ name: 'tenantgate_rate_limited_total', help: 'Requests and logins refused with RATE_LIMITED, by limit.', labelNames: ['limit'], registers: [registry] });
  return {
    render: () => registry.metrics(),
    contentType: registry.contentType,
    observer,
    plugins: [graphqlMetricsPlugin(registry), tenantLatencyPlugin(registry, settings)],
    rateLimited: (limit) => refusals.inc({ limit }),
  };
}
