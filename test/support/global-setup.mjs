// Plain ESM on purpose: jest loads global setup through Node's own loader, which cannot resolve the
// TypeScript sources; the embedded PostgreSQL launcher is plain ESM so both can use it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedCluster } from '../../src/devdb/embedded-pg/index.mjs';

/**
 * Builds dist/ once before any suite runs. Suites that start real processes (`npm start`, the CLI)
 * build it again, and the incremental build then writes nothing, so no process of one suite can
 * load a file another suite's build is rewriting.
 */
function buildOnce() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

/**
 * Builds dist/, then starts one embedded PostgreSQL for the whole run unless TEST_DATABASE_URL
 * names an external server. Workers read TEST_PG_ADMIN_URL and create their own databases on it.
 */
export default async function globalSetup() {
  buildOnce();
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
