import { type ApolloServerPlugin } from '@apollo/server';
import { Histogram, type Registry } from 'prom-client';
import { type MetricsConfig } from '../config/app-config.js';
import { type RequestContext } from '../graphql/context.js';
import { BusiestTenants } from './busiest-tenants.js';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Times every authenticated GraphQL request by tenant, with a label of its own for the busiest
 * tenants only (see {@link BusiestTenants}); the rest are counted together as `other`.
 */
export function tenantLatencyPlugin(registry: Registry, settings: MetricsConfig): ApolloServerPlugin<RequestContext> {
  const duration = new Histogram({
    name: 'tenantgate_tenant_request_duration_seconds',
    help: `GraphQL requests of the ${settings.topTenants} busiest tenants by tenant id (requests per window), the rest as "other".`,
    labelNames: ['tenant'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const busiest = new BusiestTenants({ limit: settings.topTenants, windowMs: settings.topTenantsWindowMs, onDropped: (tenant) => duration.remove({ tenant }) });
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue }) {
          const tenantId = contextValue.principal?.tenantId;
          if (tenantId) {
            duration.observe({ tenant: busiest.label(tenantId) }, (performance.now() - started) / 1000);
          }
        },
      };
    },
  };
}
