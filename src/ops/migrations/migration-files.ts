import { createHash } from 'node:crypto';
import { type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorDetails } from './migration-error.js';

/** One committed migration: its folder name, its SQL and the checksum Prisma stores for it. */
export interface MigrationFile {
  /** Folder name, e.g. `20261124200000_init`; this is `migration_name` in `_prisma_migrations`. */
  name: string;
  sql: string;
  /** SHA-256 hex of the `migration.sql` bytes, as `prisma migrate deploy` writes it. */
  checksum: string;
}

const SCRIPT_FILE = 'migration.sql';
const LOCK_FILE = 'migration_lock.toml';
const POSTGRES_PROVIDERS = new Set(['postgresql', 'postgres']);

/** SHA-256 hex of a migration script, zero-padded, exactly as Prisma renders it. */
export function checksumOf(script: string | Buffer): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * One hash of a migrations folder as read: every name and checksum, in order. Two reads with the
 * same fingerprint hold exactly the same migrations, so a database checked current against one is
 * current against the other (what lets `migrate` skip a datasource its last check saw current).
 */
export function fingerprintOf(files: readonly MigrationFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.name}\0${file.checksum}\n`);
  }
  return hash.digest('hex');
}

/**
 * Whether a stored checksum still matches a script, with Prisma's tolerance: the file may have
 * gained or lost CRLF line endings (git on Windows), and rows written by old Prisma versions hold
 * hex without zero padding (prisma-engines#1887).
 */
export function checksumMatches(script: string, storedChecksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered =
      storedChecksum.length === 64
        ? digest.toString('hex')
        : Array.from(digest, (byte) => byte.toString(16)).join('');
    return rendered === storedChecksum;
  });
}

/**
 * Reads `<migrationsDir>/<name>/migration.sql` for every migration folder, ordered by folder name
 * (byte order, as Prisma sorts them). Files and folders without a `migration.sql` are skipped.
 * Throws when the folder is missing, or when `migration_lock.toml` names a provider other than
 * PostgreSQL (Prisma's P3019), so SQL written for another database is never run.
 */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read the migrations folder ${migrationsDir}: ${errorDetails(error).message}`);
  }
  await assertPostgresProvider(migrationsDir);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readScript(join(migrationsDir, name, SCRIPT_FILE));
    if (bytes) {
      files.push({ name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) });
    }
  }
  return files;
}

async function readScript(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT') || isErrnoCode(error, 'EISDIR')) {
      return null;
    }
    throw error;
  }
}

async function assertPostgresProvider(migrationsDir: string): Promise<void> {
  const lockPath = join(migrationsDir, LOCK_FILE);
  let lock: string;
  try {
    lock = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) {
      return;
    }
    throw error;
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock)?.[1];
  if (provider !== undefined && !POSTGRES_PROVIDERS.has(provider)) {
    throw new Error(
      `${lockPath} says these migrations were written for "${provider}", not PostgreSQL; refusing to run them`,
    );
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return errorDetails(error).code === code;
}
