// Plain ESM on purpose: jest loads global setup through Node's own loader, which cannot resolve the
// TypeScript sources; the embedded PostgreSQL launcher is plain ESM so both can use it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../../src/devdb/embedded-pg/index.mjs';

/**
 * Starts one embedded PostgreSQL for the whole run unless TEST_DATABASE_URL names an external
 * server. Workers read TEST_PG_ADMIN_URL and create their own databases on it.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedCluster({
    dataDir: mkdtempSync(join(tmpdir(), 'tenantgate-test-pg-')),
    port,
    user: 'tenantgate',
    password: 'tenantgate',
    persistent: false,
    postgresFlags: ['-c', 'max_connections=400', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    notice: (message) => process.stderr.write(`[test postgres] ${message}\n`),
  });
  globalThis.__TENANTGATE_TEST_PG__ = server;
  process.env.TEST_PG_ADMIN_URL = server.adminUrl;
}
