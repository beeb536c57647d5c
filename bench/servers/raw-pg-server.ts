import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import pg from 'pg';
import { type AccessTokens } from '../../src/auth/access-tokens.js';
import { encodeCursor } from '../../src/graphql/pagination/cursor.js';

const PAGE_SIZE = 10;
const PAGE_SQL = 'SELECT id, name, industry FROM accounts WHERE tenant_id = $1 ORDER BY name ASC, id ASC LIMIT $2';
const COUNT_SQL = 'SELECT count(*)::int AS total FROM accounts WHERE tenant_id = $1';

async function drain(request: IncomingMessage): Promise<void> {
  for await (const chunk of request) {
    void chunk;
  }
}

/**
 * The floor: the bench query's two lookups (a page of accounts and their count, the same SQL shape
 * Prisma issues, concurrently as the resolver does) over one `pg` pool on plain `node:http`, with
 * the same JWT check and the same JSON answer, and no GraphQL, Prisma or routing.
 */
export async function startRawPgServer(options: { databaseUrl: string; poolMax: number; tokens: AccessTokens }): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax, application_name: 'tenantgate-bench-raw' });
  const server = createServer((request, response) => {
    void (async () => {
      await drain(request);
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const principal = token ? await options.tokens.verify(token).catch(() => null) : null;
      if (!principal) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"sign in first"}]}');
        return;
      }
      const [page, count] = await Promise.all([
        pool.query<{ id: string; name: string; industry: string | null }>(PAGE_SQL, [principal.tenantId, PAGE_SIZE + 1]),
        pool.query<{ total: number }>(COUNT_SQL, [principal.tenantId]),
      ]);
      const rows = page.rows.slice(0, PAGE_SIZE);
      const edges = rows.map((row) => ({ cursor: encodeCursor('name:asc', { value: row.name, id: row.id }), node: row }));
      const body = {
        data: {
          accounts: {
            totalCount: count.rows[0]?.total ?? 0,
            edges,
            pageInfo: { hasNextPage: page.rows.length > PAGE_SIZE, endCursor: edges.at(-1)?.cursor ?? null },
          },
        },
      };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
