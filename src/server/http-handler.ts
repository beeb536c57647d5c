import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { type ClientRequest, type RequestContext } from '../graphql/context.js';
import { withRequestTimeout } from '../graphql/request-timeout.js';
import { handleCors } from './cors.js';
import { type ExplorerRoute } from './explorer/graphiql-route.js';
import { type InFlightRequests } from './in-flight-requests.js';
import { type ReadinessReport } from './readiness.js';

/** What the HTTP layer needs: Apollo, the context factory and a readiness probe. */
export interface HttpHandlerOptions {
  apollo: ApolloServer<RequestContext>;
  context: (request: ClientRequest) => Promise<RequestContext>;
  /** Take the client's address from the first X-Forwarded-For hop (behind a trusted proxy only). */
  trustProxy: boolean;
  /** What /readyz reports (control plane answering, change listener subscribed). */
  ready: () => Promise<ReadinessReport>;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Origins browsers may call from; `*` for any (see {@link handleCors}). */
  corsOrigins: readonly string[];
  /** Counts each request while it is handled, so shutdown can wait for it. */
  inFlight: InFlightRequests;
  /** What /metrics serves (Prometheus text format). */
  metrics: { render(): Promise<string>; contentType: string };
  /** Serves the explorer the gateway ships (GRAPHQL_EXPLORER=graphiql); absent otherwise. */
  explorer?: ExplorerRoute;
  /** A GraphQL request still running after this long is answered with REQUEST_TIMEOUT (0 = no limit). */
  requestTimeoutMs: number;
}

class BodyTooLarge extends Error {}
class MalformedJson extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new BodyTooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function toGraphQLRequest(req: IncomingMessage, url: URL, limit: number): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) {
      headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  let body: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req, limit);
    try {
      body = (headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    } catch {
      throw new MalformedJson();
    }
  }
  return { method: req.method ?? 'GET', headers, search: url.search, body };
}

/**
 * Where a request came from. Behind a proxy every socket is the proxy's, so with `trustProxy` the
 * first X-Forwarded-For hop (the client as the proxy saw it) is used; without it, a header a client
 * can set itself is never believed.
 */
function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/**
 * Routes /graphql to Apollo and serves /healthz (process up) and /readyz (control plane
 * reachable and change listener subscribed). Probes and /metrics bypass the GraphQL path, so they
 * are never rate-limited or audited. Plain node:http keeps the request path short; Apollo does
 * CSRF prevention.
 */
export function createHttpHandler(options: HttpHandlerOptions) {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (handleCors(req, res, options.corsOrigins)) {
      return;
    }
    try {
      if (url.pathname === '/healthz') {
        return sendJson(res, 200, { status: 'ok' });
      }
      if (url.pathname === '/metrics') {
        const body = await options.metrics.render();
        res.writeHead(200, { 'content-type': options.metrics.contentType }).end(body);
        return;
      }
      if (url.pathname === '/readyz') {
        const report = await options.ready();
        return sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', checks: report.checks });
      }
      if (options.explorer && (await options.explorer(req, res, url))) {
        return;
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' }).end();
        return;
      }
      if (url.pathname !== '/graphql') {
        return sendJson(res, 404, { error: 'not found; the GraphQL endpoint is /graphql' });
      }
      const httpGraphQLRequest = await toGraphQLRequest(req, url, limit);
      const execution = options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: () => options.context({ headers: req.headers, clientAddress: clientAddressOf(req, options.trustProxy) }),
      });
      // An execution abandoned at the deadline stays in flight, so shutdown still waits for it.
      const response = await withRequestTimeout(options.inFlight.track(execution), options.requestTimeoutMs);
      for (const [key, value] of response.headers) {
        res.setHeader(key, value);
      }
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) {
        res.write(chunk);
      }
      res.end();
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read, so the connection cannot be reused.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { errors: [{ message: `request body is larger than ${limit} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
      }
      if (error instanceof MalformedJson) {
        return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
      if (!res.headersSent) {
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      } else {
        res.end();
      }
    }
  };
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => options.inFlight.track(handle(req, res));
}
