import { type IncomingMessage, type ServerResponse } from 'node:http';
import { GRAPHIQL_ASSET_PREFIX, GraphiqlAssets } from './graphiql-assets.js';
import { graphiqlPage } from './graphiql-page.js';

/** Serves one request if it is for the explorer; resolves false to let the caller handle it. */
export type ExplorerRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

function wantsPage(req: IncomingMessage, url: URL): boolean {
  return url.pathname === '/graphql' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

/**
 * GET /graphql from a browser gets the GraphiQL page; GET /explorer/<file> its assets. A GET with
 * a `query` parameter or without `Accept: text/html` still goes to Apollo, as with the sandbox.
 */
export function graphiqlRoute(assets = new GraphiqlAssets()): ExplorerRoute {
  const page = graphiqlPage();
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return false;
    }
    if (wantsPage(req, url)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : page);
      return true;
    }
    if (!url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      return false;
    }
    const asset = await assets.get(url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such explorer file\n');
      return true;
    }
    res.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': asset.body.length,
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
    return true;
  };
}
