// Plain ESM shared by `tenantgate dev` (through src/devdb/embedded-server.ts) and jest's global
// setup, which Node loads without TypeScript.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A problem with the embedded PostgreSQL that the user can fix; the message says what and how. */
export class EmbeddedPostgresError extends Error {
  name = 'EmbeddedPostgresError';
}

/** @returns {boolean} whether this process runs as root, when PostgreSQL must run as another user */
export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<string>} stdout, or rejects with the command's error
 */
export function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, (error, stdout) => (error ? reject(error) : resolvePromise(stdout.trim())));
  });
}

/**
 * The unprivileged account PostgreSQL runs as when we are root (it refuses to run as root). Uses
 * the `postgres` user, creating it (no home, no login) when the system has none.
 * @returns {Promise<{ name: string, uid: number, gid: number }>}
 */
export async function postgresAccount() {
  const name = 'postgres';
  const lookup = async () => ({ name, uid: Number(await run('id', ['-u', name])), gid: Number(await run('id', ['-g', name])) });
  try {
    return await lookup();
  } catch {
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
      return await lookup();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL cannot run as root and there is no "${name}" user to run it as, nor could one be created (${/** @type {Error} */ (error).message.split('\n')[0]}).\n` +
          `  Fix: create an unprivileged user named ${name} (e.g. \`useradd --system --user-group ${name}\`), run as a non-root user, or set DATABASE_URL to use another PostgreSQL.`,
      );
    }
  }
}

/**
 * The first directory on the way to `path` (inclusive) that `account` may not traverse, judged by
 * the owner/group/other execute bits; null when every one is open to it.
 * @param {string} path
 * @param {{ uid: number, gid: number }} account
 * @returns {string | null}
 */
export function firstBlockedDirectory(path, account) {
  const chain = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) {
      break;
    }
  }
  for (const dir of chain) {
    const stat = statSync(dir);
    const bit = stat.uid === account.uid ? 0o100 : stat.gid === account.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) {
      return dir;
    }
  }
  return null;
}
