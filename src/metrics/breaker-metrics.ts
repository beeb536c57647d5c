import { Counter, Gauge, type Registry } from 'prom-client';
import { type BreakerState, type DatasourceBreakers } from '../tenancy/datasource-breaker.js';
import { mirroredCounter } from './mirrored-counter.js';

/** Breakers that are not closed get a labelled series of their own, this many at most (most failures first). */
const MAX_BREAKER_SERIES = 20;
const STATES: BreakerState[] = ['closed', 'open', 'half-open'];

/**
 * The datasource circuit breakers: how many are not closed, transitions by the state entered and
 * calls refused while open (no datasource label), and one series per datasource whose breaker is
 * open or half-open, capped, so thousands of healthy datasources add no series at all.
 */
export function breakerMetrics(registry: Registry, breakers: () => DatasourceBreakers): void {
  new Gauge({
    name: 'tenantgate_datasource_breakers_not_closed',
    help: 'Tenant datasources whose circuit breaker is open or half-open (their requests fail fast with TENANT_UNAVAILABLE).',
    registers: [registry],
    collect() {
      this.set(breakers().stats().notClosed);
    },
  });
  const seen: Record<BreakerState, number> = { closed: 0, open: 0, 'half-open': 0 };
  new Counter({
    name: 'tenantgate_datasource_breaker_transitions_total',
    help: 'Datasource circuit breaker state changes, by the state entered (open, half-open, closed).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { transitions } = breakers().stats();
      for (const state of STATES) {
        this.inc({ state }, transitions[state] - seen[state]);
        seen[state] = transitions[state];
      }
    },
  });
  mirroredCounter(registry, 'tenantgate_datasource_breaker_rejections_total', 'Tenant statements and connection attempts refused at once by an open breaker.', () => breakers().stats().rejected);
  new Gauge({
    name: 'tenantgate_datasource_breaker_open',
    help: `1 for each datasource whose breaker is open or half-open (the ${MAX_BREAKER_SERIES} with most failures), by state; closed ones have no series.`,
    labelNames: ['datasource', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const view of breakers().notClosed(MAX_BREAKER_SERIES)) {
        this.set({ datasource: view.datasourceId, state: view.state }, 1);
      }
    },
  });
}
