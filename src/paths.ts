import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('cannot find the tenantgate project root (no package.json above src/)');
    }
    dir = parent;
  }
  return dir;
}

/** The checkout or install directory, found from this file whether it runs from src/ or dist/. */
export const projectRoot = findProjectRoot();

/** Committed Prisma migrations of the control-plane schema. */
export const controlMigrationsDir = join(projectRoot, 'prisma', 'control', 'migrations');

/** Committed Prisma migrations of the tenant-data schema. */
export const tenantMigrationsDir = join(projectRoot, 'prisma', 'tenant', 'migrations');
