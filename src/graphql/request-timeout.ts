import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ErrorCode, httpStatusOf } from '../errors/app-error.js';

const TIMED_OUT_BODY = JSON.stringify({
  errors: [
    {
      message: 'the request took too long and was abandoned; a mutation may or may not have been applied, so read before retrying it',
      extensions: { code: ErrorCode.REQUEST_TIMEOUT },
    },
  ],
});

function timedOut(): HTTPGraphQLResponse {
  const headers = new HeaderMap([['content-type', 'application/json; charset=utf-8']]);
  return { status: httpStatusOf[ErrorCode.REQUEST_TIMEOUT], headers, body: { kind: 'complete', string: TIMED_OUT_BODY } };
}

/**
 * The whole-request limit of a GraphQL request: its response, or after `timeoutMs` a
 * `REQUEST_TIMEOUT` error (HTTP 504), whichever comes first; 0 means no limit. It is a race at the
 * HTTP boundary rather than an Apollo plugin because a plugin cannot end a request early, and a
 * per-field deadline check would cost every query field. The abandoned execution runs on until its
 * statement ends (`TENANT_STATEMENT_TIMEOUT_MS` bounds each one) and then releases its lease.
 */
export function withRequestTimeout(execution: Promise<HTTPGraphQLResponse>, timeoutMs: number): Promise<HTTPGraphQLResponse> {
  if (timeoutMs <= 0) {
    return execution;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HTTPGraphQLResponse>((resolve) => {
    timer = setTimeout(() => resolve(timedOut()), timeoutMs);
  });
  return Promise.race([execution, deadline]).finally(() => clearTimeout(timer));
}
