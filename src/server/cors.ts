import { type IncomingMessage, type ServerResponse } from 'node:http';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-tenant-id',
  'x-tenant-slug',
].join(', ');

/**
 * Cross-origin access for browser clients (the SPA on its own origin). Tokens travel in the
 * Authorization header, never in cookies, so no credentials are allowed and `*` is safe; a
 * deployment can still list its origins. Returns true when it answered a preflight itself.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin) {
    const allowed = allowedOrigins.includes('*') ? '*' : allowedOrigins.includes(origin) ? origin : null;
    if (allowed) {
      res.setHeader('access-control-allow-origin', allowed);
      if (allowed !== '*') {
        res.setHeader('vary', 'origin');
      }
    }
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }
  return false;
}
