import { type ApolloServerPlugin } from '@apollo/server';
import { type Logger } from '../../logging/logger.js';
import { type RequestContext } from '../context.js';
import { classifyError } from '../format-error.js';

/**
 * Gives every response an `x-request-id` (the id in the logs, for bug reports), logs each fault
 * with the request, tenant, user and operation, by error class and code only (a fault's message may
 * hold SQL or a URL, so it is never written), and at `debug` one line per request with its outcome
 * codes and duration.
 */
export function requestLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const codes: string[] = [];
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const sorted = classifyError(error);
            codes.push(sorted.kind === 'client' ? sorted.error.code : String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            if (sorted.kind === 'fault') {
              logger.error(
                {
                  requestId: contextValue.requestId,
                  tenantId: contextValue.principal?.tenantId,
                  userId: contextValue.principal?.userId,
                  operationName,
                  path: error.path,
                  errorClass: sorted.original instanceof Error ? sorted.original.name : typeof sorted.original,
                  code: (sorted.original as { code?: unknown } | null)?.code,
                },
                'unexpected error while resolving a request',
              );
            }
          }
        },
        async willSendResponse({ contextValue, response, operationName }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          logger.debug(
            {
              requestId: contextValue.requestId,
              tenantId: contextValue.principal?.tenantId,
              userId: contextValue.principal?.userId,
              operationName,
              outcome: codes.length > 0 ? codes : 'ok',
              ms: Math.round((performance.now() - started) * 10) / 10,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
