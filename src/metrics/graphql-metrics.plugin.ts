import { type ApolloServerPlugin } from '@apollo/server';
import { Histogram, type Registry } from 'prom-client';
import { classifyError } from '../graphql/format-error.js';

/** Distinct operation names kept as labels; later new names are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Times every GraphQL operation by name and outcome (`ok`, or the first error's code). Operation
 * names are chosen by clients, so only the first {@link MAX_OPERATION_NAMES} become labels: a client
 * sending random names cannot grow the series without bound.
 */
export function graphqlMetricsPlugin<TContext extends object>(registry: Registry): ApolloServerPlugin<TContext> {
  const duration = new Histogram({
    name: 'tenantgate_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name and outcome (ok, or the error code).',
    labelNames: ['operation', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const known = new Set<string>();
  const labelFor = (name: string | null | undefined): string => {
    const operation = name ?? 'anonymous';
    if (known.has(operation) || known.size < MAX_OPERATION_NAMES) {
      known.add(operation);
      return operation;
    }
    return 'other';
  };
  return {
    async requestDidStart() {
      const started = performance.now();
      let outcome = 'ok';
      return {
        async didEncounterErrors({ errors }) {
          const first = classifyError(errors[0]);
          outcome = first.kind === 'client' ? first.error.code : String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
        },
        async willSendResponse({ operationName }) {
          duration.observe({ operation: labelFor(operationName), outcome }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
