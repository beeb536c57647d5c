import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { type TenancyObserver } from '../tenancy/tenancy-observer.js';
import { type TenantClientPool } from '../tenancy/tenant-client-pool.js';
import { mirroredCounter } from './mirrored-counter.js';

/** Per-datasource pool gauges are exported for this many datasources at most: the busiest ones. */
const MAX_DATASOURCE_SERIES = 20;
const SECONDS_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * The tenancy core's figures: the datasource cache (hits, misses, builds, evictions), connections
 * against the budget, build and lookup durations, and the pools of the busiest datasources (the
 * label set stays bounded however many thousand datasources a process holds).
 */
export function tenancyMetrics(registry: Registry, pool: () => TenantClientPool): TenancyObserver {
  const stats = () => pool().stats();
  mirroredCounter(registry, 'tenantgate_datasource_cache_hits_total', 'Requests that found their tenant datasource open.', () => stats().hits);
  mirroredCounter(registry, 'tenantgate_datasource_cache_misses_total', 'Requests that had to open their tenant datasource.', () => stats().misses);
  mirroredCounter(registry, 'tenantgate_datasource_builds_total', 'Tenant datasources opened.', () => stats().builds);
  mirroredCounter(registry, 'tenantgate_datasource_build_failures_total', 'Tenant datasources that failed to open.', () => stats().buildFailures);
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  gauge('tenantgate_datasources_live', 'Tenant datasources open, including retired ones still finishing requests.', () => stats().liveDatasources);
  gauge('tenantgate_tenant_connections_open', 'Server connections open across all tenant datasources.', () => stats().openConnections);
  gauge('tenantgate_tenant_connection_budget', 'Most server connections all tenant datasources may hold (TENANT_CONNECTION_BUDGET).', () => stats().connectionBudget);
  gauge('tenantgate_tenant_connection_waiting', 'Requests waiting for room in the connection budget.', () => stats().waitingForConnection);
  gauge('tenantgate_tenant_leases_in_use', 'Requests holding a tenant datasource right now.', () => stats().leasesInUse);

  new Gauge({
    name: 'tenantgate_datasource_pool_connections',
    help: `Connections of the ${MAX_DATASOURCE_SERIES} busiest datasources' pools, by state (total, idle, waiting).`,
    labelNames: ['datasource', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      const busiest = pool()
        .cachedClients()
        .filter((view) => view.connections)
        .sort((a, b) => (b.connections?.total ?? 0) + b.leases - ((a.connections?.total ?? 0) + a.leases))
        .slice(0, MAX_DATASOURCE_SERIES);
      for (const { datasourceId, connections } of busiest) {
        this.set({ datasource: datasourceId, state: 'total' }, connections?.total ?? 0);
        this.set({ datasource: datasourceId, state: 'idle' }, connections?.idle ?? 0);
        this.set({ datasource: datasourceId, state: 'waiting' }, connections?.waiting ?? 0);
      }
    },
  });

  const histogram = (name: string, help: string) => new Histogram({ name, help, buckets: SECONDS_BUCKETS, registers: [registry] });
  const lookup = histogram('tenantgate_route_lookup_seconds', 'Control-plane lookups of a tenant route (cache misses).');
  const decrypt = histogram('tenantgate_datasource_decrypt_seconds', 'Opening a sealed datasource URL (AES-256-GCM).');
  const build = histogram('tenantgate_datasource_build_seconds', 'Opening a tenant datasource: decrypt, pool, first connections.');
  const evicted = new Counter({ name: 'tenantgate_datasource_evictions_total', help: 'Tenant datasources retired, by reason (idle, capacity, invalidated, credential-rotated, shutdown).', labelNames: ['reason'], registers: [registry] });
  return {
    routeLookedUp: (_tenantId, ms) => lookup.observe(ms / 1000),
    clientBuilt: (timings) => {
      decrypt.observe(timings.decryptMs / 1000);
      build.observe(timings.totalMs / 1000);
    },
    datasourceEvicted: (_datasourceId, reason) => evicted.inc({ reason }),
  };
}
