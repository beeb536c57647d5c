import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createKeyRing, formatEncryptionKey, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { seedTenantDemoData } from '../../src/devdb/demo-seed/index.js';
import { startCli } from '../support/cli-process.js';
import { adminQuery, databaseUrl } from '../support/databases.js';
import { codesOf } from '../support/graphql-client.js';
import { tenantFingerprint } from '../support/tenant-fingerprint.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

const TTL_MS = 300;
const key = generateEncryptionKey('move-live');
const newDatabase = `tg_move_live_${randomBytes(3).toString('hex')}`;
let fleet: TestFleet;
let env: Record<string, string>;
let dataDir: string;

interface Call {
  kind: 'read' | 'write';
  name?: string;
  codes: (string | undefined)[];
  at: number;
}

beforeAll(async () => {
  fleet = await startTestFleet({ keyRing: createKeyRing(key, []), tenancy: { configTtlMs: TTL_MS } });
  const raw = await fleet.rawDb('initech');
  await seedTenantDemoData(raw.prisma, { id: fleet.tenants.initech.id, slug: 'initech', name: 'Initech' }, []);
  await seedTenantDemoData(raw.prisma, { id: fleet.tenants.umbrella.id, slug: 'umbrella', name: 'Umbrella' }, []);
  dataDir = mkdtempSync(join(tmpdir(), 'tg-move-'));
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: fleet.databases.control.url,
    TENANTGATE_DATA_DIR: dataDir,
    TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(key),
    JWT_SECRET: randomBytes(32).toString('hex'),
    TENANT_CONFIG_TTL_MS: String(TTL_MS),
  };
}, 60_000);
afterAll(async () => {
  await fleet?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await adminQuery(`DROP DATABASE IF EXISTS "${newDatabase}" WITH (FORCE)`);
});

/** Reads and writes as the tenant's owner over HTTP, one after the other, until stopped. */
function trafficLoop(token: string) {
  const calls: Call[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const read = await fleet.gql('{ accounts(first: 5) { totalCount } }', { token });
      calls.push({ kind: 'read', codes: codesOf(read), at: Date.now() });
      const name = `live-${n}`;
      const write = await fleet.gql('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { token, variables: { input: { name } } });
      calls.push({ kind: 'write', name, codes: codesOf(write), at: Date.now() });
      await sleep(15);
    }
  })();
  return {
    calls,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function copiedRows(moveTables: () => Promise<{ copiedRows: number }[]>): Promise<number> {
  return (await moveTables()).reduce((sum, table) => sum + table.copiedRows, 0);
}

test('a tenant moves out of the pooled database while served over HTTP: killed mid-copy, resumed, verified, switched, source purged', async () => {
  const tenantId = fleet.tenants.initech.id;
  const neighbour = await tenantFingerprint(fleet.databases.pooled.url, fleet.tenants.umbrella.id);
  const token = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  const traffic = trafficLoop(token);
  try {
    await moveWhileServed(traffic, tenantId, neighbour, token);
  } finally {
    await traffic.stop();
  }
}, 150_000);

async function moveWhileServed(traffic: ReturnType<typeof trafficLoop>, tenantId: string, neighbour: Awaited<ReturnType<typeof tenantFingerprint>>, token: string) {
  const control = fleet.app.control.client;
  // First run: killed (SIGKILL, no chance to clean up) once it has copied some batches.
  const first = startCli(['tenants', 'move', 'initech', '--new-database', newDatabase, '--on-server-of', 'pooled-db', '--batch-size', '5', '--settle-ms', '800'], env);
  const moveTables = () => control.tenantMoveTable.findMany({ where: { move: { tenantId } } });
  const deadline = Date.now() + 90_000;
  while ((await copiedRows(moveTables)) === 0) {
    if (Date.now() > deadline || first.child.exitCode !== null) {
      first.child.kill('SIGKILL');
      throw new Error(`the first move made no progress: ${(await first.done).stderr}`);
    }
    await sleep(25);
  }
  first.child.kill('SIGKILL');
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  const ledger = await control.tenantMove.findFirstOrThrow({ where: { tenantId } });
  expect(ledger.phase).toBe('COPYING');
  const copiedBeforeKill = await copiedRows(moveTables);
  expect(copiedBeforeKill).toBeGreaterThan(0);
  expect(await control.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({ status: 'ACTIVE', datasourceId: fleet.tenants.initech.datasourceId });

  // Second run resumes the recorded move (the target database exists already) and finishes it.
  const second = await startCli(['tenants', 'move', 'initech', '--resume', '--purge-source', '--yes', '--settle-ms', '800', '--json'], env).done;
  expect(second.stderr).toBe('');
  expect(second.code).toBe(0);
  const result = JSON.parse(second.stdout) as { resumed: boolean; readOnlyMs: number; target: string; tables: { equal: boolean; sourceRows: number }[]; purged: Record<string, number> };
  expect(result).toMatchObject({ resumed: true, target: 'initech-dedicated' });
  expect(result.tables.length).toBeGreaterThan(10);
  expect(result.tables.every((table) => table.equal)).toBe(true);

  await sleep(TTL_MS * 3);
  await traffic.stop();
  const { calls } = traffic;

  // Reads were served throughout.
  const reads = calls.filter((call) => call.kind === 'read');
  expect(reads.length).toBeGreaterThan(10);
  expect(reads.filter((call) => call.codes.length > 0)).toEqual([]);
  // Writes were refused only as TENANT_READ_ONLY, in one stretch no longer than the read-only window plus the route cache.
  const writes = calls.filter((call) => call.kind === 'write');
  const refused = writes.filter((call) => call.codes.length > 0);
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused.flatMap((call) => call.codes))).toEqual(new Set(['TENANT_READ_ONLY']));
  const firstRefused = writes.indexOf(refused[0] as Call);
  expect(writes.slice(firstRefused, firstRefused + refused.length)).toEqual(refused);
  expect(firstRefused).toBeGreaterThan(0);
  expect(writes.at(-1)?.codes).toEqual([]);
  expect((refused.at(-1)?.at ?? 0) - (refused[0]?.at ?? 0)).toBeLessThan(result.readOnlyMs + 4 * TTL_MS + 1000);

  // Every accepted write is in the new database exactly once; the source holds none of the tenant's rows.
  const target = new pg.Client({ connectionString: databaseUrl(newDatabase) });
  await target.connect();
  try {
    const accepted = writes.filter((call) => call.codes.length === 0).map((call) => call.name as string);
    const { rows } = await target.query<{ name: string }>('SELECT name FROM accounts WHERE tenant_id = $1 AND name LIKE $2', [tenantId, 'live-%']);
    expect(rows.map((row) => row.name).sort()).toEqual([...accepted].sort());
  } finally {
    await target.end();
  }
  expect((await tenantFingerprint(fleet.databases.pooled.url, tenantId)).rows).toBe(0);
  expect(Object.values(result.purged).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  // The pooled neighbour is untouched, and the tenant is served from its new database.
  expect(await tenantFingerprint(fleet.databases.pooled.url, fleet.tenants.umbrella.id)).toEqual(neighbour);
  const after = await fleet.gql('mutation { createAccount(input: { name: "after-move" }) { id } }', { token });
  expect(after.errors).toEqual([]);
  expect((await tenantFingerprint(databaseUrl(newDatabase), tenantId)).rows).toBeGreaterThan(result.tables.reduce((sum, table) => sum + table.sourceRows, 0));
  expect(await control.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { datasource: true } })).toMatchObject({ status: 'ACTIVE', datasource: { name: 'initech-dedicated', kind: 'DEDICATED' } });
}
