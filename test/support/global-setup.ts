import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/devdb/embedded-server.js';

declare global {
  var __TENANTGATE_TEST_PG__: EmbeddedServer | undefined;
}

/**
 * Starts one embedded PostgreSQL for the whole run unless TEST_DATABASE_URL names an external
 * server. Workers read TEST_PG_ADMIN_URL and create their own databases on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tenantgate-test-pg-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    persistent: false,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  globalThis.__TENANTGATE_TEST_PG__ = server;
  process.env.TEST_PG_ADMIN_URL = server.adminUrl;
}
