import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/devdb/embedded-server.js';
import { freePort } from '../support/processes.js';

const home = mkdtempSync(join(tmpdir(), 'tenantgate-launcher-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

test('a port taken by another program is an EmbeddedPostgresError that names the port and the fix', async () => {
  const port = await freePort();
  const squatter: Server = createServer();
  await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  try {
    const start = startEmbeddedPostgres({ dataDir: join(home, 'taken'), port, persistent: false, notice: () => undefined });
    await expect(start).rejects.toThrow(EmbeddedPostgresError);
    await expect(start).rejects.toThrow(new RegExp(`port ${port} is taken by another program; set EMBEDDED_PG_PORT`));
  } finally {
    squatter.close();
  }
});

test('a cluster in a private directory starts, answers, and leaves nothing running when stopped', async () => {
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: join(home, 'private', 'pg'), port, persistent: false, notice: () => undefined });
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: server.adminUrl });
  await client.connect();
  const { rows } = await client.query<{ answer: number }>('SELECT 41 + 1 AS answer');
  await client.end();
  await server.stop();
  expect(rows[0]?.answer).toBe(42);
  const after = new pg.default.Client({ connectionString: server.adminUrl, connectionTimeoutMillis: 2000 });
  await expect(after.connect()).rejects.toThrow();
});
