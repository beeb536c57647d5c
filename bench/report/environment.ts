import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

const PACKAGES = ['@apollo/server', 'graphql', 'type-graphql', '@prisma/client', '@prisma/adapter-pg', 'pg', 'autocannon'];

function versionOf(packageDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

/** The machine the numbers came from. */
export function describeMachine(): { cpus: number; cpuModel: string; memoryGiB: number; os: string } {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
  };
}

/** Versions of Node, tenantgate and the libraries on the request path. */
export function describeVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.version, tenantgate: versionOf(projectRoot) };
  for (const name of PACKAGES) {
    versions[name] = versionOf(join(projectRoot, 'node_modules', name));
  }
  return versions;
}
