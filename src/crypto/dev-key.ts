import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatEncryptionKey,
  generateEncryptionKey,
  parseEncryptionKey,
  type EncryptionKey,
} from './key-ring.js';

/** Name of the development key file inside the data directory. */
export const DEV_KEY_FILE = 'encryption.key';

/**
 * Development only: returns the key in `<dataDir>/encryption.key`, generating and writing it
 * (mode 0600) on first use so `tenantgate dev` works with no setup. Whether this may be called at
 * all (never in production) is the config module's decision, not this function's.
 *
 * Concurrent first calls (e.g. two processes starting at once) agree on one key: the file is
 * written in full under a temporary name and then hard-linked into place, which fails if another
 * process won, in which case its key is used.
 *
 * @param log - receives one loud multi-line notice when a key is generated, and a warning when an
 *   existing file is readable by other users; never any key material.
 * @throws Error naming the file when it exists but does not hold `<keyId>:<base64 of 32 bytes>`.
 */
export function loadOrCreateDevKey(dataDir: string, log: (message: string) => void): EncryptionKey {
  const path = join(dataDir, DEV_KEY_FILE);
  const existing = readKeyFile(path, log);
  if (existing !== undefined) {
    return existing;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A random id (not a fixed "dev") means envelopes sealed under a deleted dev key report
  // UNKNOWN_KEY rather than a puzzling authentication failure.
  const key = generateEncryptionKey(`dev-${randomBytes(4).toString('hex')}`);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${formatEncryptionKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') {
      throw error;
    }
    const winner = readKeyFile(path, log);
    if (winner === undefined) {
      throw error;
    }
    return winner;
  } finally {
    unlinkSync(temporary);
  }
  log(generatedNotice(path, key.id));
  return key;
}

function readKeyFile(path: string, log: (message: string) => void): EncryptionKey | undefined {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  // Windows has no group/other permission bits to check.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    log(`warning: ${path} is readable by other users; restrict it with: chmod 600 ${path}`);
  }
  return parseEncryptionKey(content, path);
}

function generatedNotice(path: string, keyId: string): string {
  const rule = '='.repeat(78);
  return [
    rule,
    '  DEVELOPMENT ENCRYPTION KEY GENERATED',
    `  A new key (id ${keyId}) was written to ${path}`,
    '  It encrypts the tenant database URLs stored in the development control plane;',
    '  keep the file, or those URLs can no longer be decrypted.',
    '  This key is for development only. Production must set TENANTGATE_ENCRYPTION_KEY.',
    rule,
  ].join('\n');
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
