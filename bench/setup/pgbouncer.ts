import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PgBouncer in transaction mode in front of the bench Postgres. */
export interface PgBouncer {
  port: number;
  version: string;
  /** `url` with host and port replaced by PgBouncer's. */
  urlThrough(url: string): string;
  stop(): Promise<void>;
}

/** Options of {@link startPgBouncer}. */
export interface PgBouncerOptions {
  /** A URL of the bench server (its user and password log PgBouncer in). */
  serverUrl: string;
  /**
   * Server connections PgBouncer may open in all: `max_user_connections`, which caps them across
   * databases because every tenant database is reached as the one user of the auth file.
   */
  serverConnections: number;
  /** Server connections per tenant database (`default_pool_size` and `max_db_connections`). */
  poolSizePerDatabase: number;
  /** Client connections PgBouncer accepts (`max_client_conn`): the gateways' budgets added up. */
  clientConnections: number;
}

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

/** Where Debian's `pgbouncer` package (or PATH) has the binary; null when it is not installed. */
export function findPgBouncer(): string | null {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) {
    return found;
  }
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** PgBouncer refuses to run as root; the embedded server's `postgres` user runs it then. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new Error('pgbouncer will not run as root and there is no postgres user to run it as');
  }
  return { uid, gid };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`pgbouncer exited with code ${child.exitCode}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('pgbouncer did not listen within 10 s');
}

/**
 * Starts PgBouncer in transaction mode in front of the bench server, holding at most
 * `serverConnections` server connections in all. Clients log in as the server's user, listed in the
 * auth file with its password (clients are trusted on loopback; PgBouncer uses the password to log
 * in to the server). The database line must not name a user: a user forced there is a separate
 * user per database, whose `max_user_connections` then caps each database, not the sum (every
 * database got its own pool, and Postgres saw one connection per database). With one shared user,
 * a pool over the cap closes another database's idle server connection or waits. Prisma's pg
 * adapter sends unnamed statements only, so transaction pooling needs no prepared-statement settings.
 */
export async function startPgBouncer(binary: string, options: PgBouncerOptions): Promise<PgBouncer> {
  const server = new URL(options.serverUrl);
  const port = 20000 + Math.floor(Math.random() * 10000);
  const dir = mkdtempSync(join(tmpdir(), 'tenantgate-pgbouncer-'));
  chmodSync(dir, 0o755);
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const authFile = join(dir, 'userlist.txt');
  writeFileSync(authFile, `${quoted(decodeURIComponent(server.username))} ${quoted(decodeURIComponent(server.password))}\n`, { mode: 0o600 });
  const config = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${dir}`,
    'auth_type = trust',
    `auth_file = ${authFile}`,
    'pool_mode = transaction',
    `max_client_conn = ${options.clientConnections}`,
    `default_pool_size = ${options.poolSizePerDatabase}`,
    `max_db_connections = ${options.poolSizePerDatabase}`,
    `max_user_connections = ${options.serverConnections}`,
    'server_idle_timeout = 30',
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n');
  const configFile = join(dir, 'pgbouncer.ini');
  writeFileSync(configFile, config, { mode: 0o644 });
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? 'unknown';
  const runAs = unprivilegedUser();
  if (runAs) {
    // Its log, pid file and socket go into the directory, so the user running it must own it.
    chownSync(dir, runAs.uid, runAs.gid);
    chownSync(authFile, runAs.uid, runAs.gid);
  }
  const child = spawn(binary, [configFile], { stdio: 'ignore', ...runAs });
  try {
    await waitForPort(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    const logFile = join(dir, 'pgbouncer.log');
    const lastLine = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').at(-1) : undefined;
    rmSync(dir, { recursive: true, force: true });
    throw lastLine ? new Error(`${(error as Error).message}: ${lastLine}`) : error;
  }
  return {
    port,
    version,
    urlThrough(url) {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    async stop() {
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
