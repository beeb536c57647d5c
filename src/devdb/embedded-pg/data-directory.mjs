import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { firstBlockedDirectory } from './access.mjs';

/**
 * The directory PostgreSQL keeps its cluster in. Without an account (not root) that is `requested`.
 * As root it must be owned by the account and reachable by it: the requested place when its parent
 * can be opened to traverse-only access, otherwise a directory under the temp directory that
 * `requested` becomes a symbolic link to (found again through that link on the next start).
 * @param {string} requested
 * @param {{ uid: number, gid: number } | undefined} account
 * @param {(message: string) => void} notice
 * @returns {string}
 */
export function prepareDataDirectory(requested, account, notice) {
  const wanted = resolve(requested);
  if (!account) {
    mkdirSync(wanted, { recursive: true });
    return wanted;
  }
  const link = lstatSync(wanted, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    const target = resolve(dirname(wanted), readlinkSync(wanted));
    if (existsSync(target) && statSync(target).uid === account.uid) {
      return target;
    }
    unlinkSync(wanted);
  }
  const parent = dirname(wanted);
  mkdirSync(parent, { recursive: true });
  if (statSync(parent).uid === 0) {
    // Traverse-only access for the server's account lists nothing; the files in it stay private.
    chmodSync(parent, (statSync(parent).mode & 0o777) | 0o011);
  }
  let dir = wanted;
  if (firstBlockedDirectory(parent, account)) {
    dir = mkdtempSync(join(tmpdir(), 'tenantgate-pgdata-'));
    symlinkSync(dir, wanted);
    notice(`user postgres cannot enter ${firstBlockedDirectory(parent, account)}, so the cluster lives in ${dir} (linked from ${wanted})`);
  }
  mkdirSync(dir, { recursive: true });
  chownSync(dir, account.uid, account.gid);
  chmodSync(dir, 0o700);
  return dir;
}
