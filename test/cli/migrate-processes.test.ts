import { rmSync } from 'node:fs';
import { createKeyRing } from '../../src/crypto/key-ring.js';
import { loadFleetTargets } from '../../src/ops/fleet/fleet-targets.js';
import { RunLedger } from '../../src/ops/fleet/run-ledger.js';
import { spawnCli, type CliProcess } from '../support/cli-process.js';
import { appliedCounts, PROBE_MIGRATION, startMigrationFleet, writeProbeMigrations, type MigrationFleet } from '../support/migration-fleet.js';

/** Real processes on a machine that may be busy with other suites: generous, never the normal wait. */
const PROCESS_TEST_TIMEOUT = 240_000;
// Each step adds one slow migration (the sleep keeps every process busy long enough to race, be killed or be interrupted).
const SLOW = 'SELECT pg_sleep(0.3);\n';
const STEPS = ['20991231000001_second', '20991231000002_third', '20991231000003_fourth'];
let fleet: MigrationFleet;
const dirs: string[] = [];

/** The committed migrations, the probe and the first `steps` slow ones. */
function migrationsUpTo(steps: number): string {
  const dir = writeProbeMigrations(SLOW, Object.fromEntries(STEPS.slice(0, steps).map((name) => [name, SLOW])));
  dirs.push(dir);
  return dir;
}

const migrateArgs = (dir: string, ...more: string[]) => ['migrate', '--migrations-dir', dir, ...more];
/** Applied-row counts per database, and the all-ones map they must equal. */
const appliedOnce = async (migration: string) => {
  const counts = Object.fromEntries(await appliedCounts(fleet, migration));
  return { counts, expected: Object.fromEntries(Object.keys(counts).map((database) => [database, 1])) };
};

/** Polls `check` every 50 ms until it holds (the busiest CI machine gets two minutes). */
async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  fleet = await startMigrationFleet({ label: 'mp', dedicated: 30 });
}, 300_000);

afterAll(async () => {
  await fleet?.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

test('two concurrent migrate runs apply each migration once per database', async () => {
  const dir = migrationsUpTo(0);
  const runs = [spawnCli(migrateArgs(dir, '--concurrency', '4'), fleet.env), spawnCli(migrateArgs(dir, '--concurrency', '4'), fleet.env)];
  expect(await Promise.all(runs.map((run) => run.exited))).toEqual([0, 0]);
  const { counts, expected } = await appliedOnce(PROBE_MIGRATION);
  expect(counts).toEqual(expected);
  const items = await fleet.controlPlane.client.migrationRunItem.findMany({ select: { datasourceName: true, status: true } });
  expect(items).toHaveLength(62);
  const migratedBy = new Map<string, number>();
  for (const item of items.filter((one) => one.status === 'MIGRATED')) {
    migratedBy.set(item.datasourceName, (migratedBy.get(item.datasourceName) ?? 0) + 1);
  }
  expect(migratedBy.size).toBe(31);
  expect([...migratedBy.values()].every((count) => count === 1)).toBe(true);
}, PROCESS_TEST_TIMEOUT);

test('three workers share one run; killing one mid-run loses no datasource and applies nothing twice', async () => {
  const dir = migrationsUpTo(1);
  // The run is planned first (as the first `migrate` does), so all three workers join it as peers.
  const ledger = new RunLedger(fleet.controlPlane.client);
  const targets = await loadFleetTargets(fleet.controlPlane.client, createKeyRing(fleet.key, []));
  const runId = await ledger.createRun({ targets, targetVersion: STEPS[0] ?? null, filesFingerprint: '', verify: true, controlMigrationsApplied: [], canary: 0, startedBy: 'test' });
  const worker = () => spawnCli(migrateArgs(dir, '--run', runId, '--concurrency', '1', '--lease-seconds', '2'), fleet.env);
  const workers = [worker(), worker(), worker()];
  const [first, victim, third] = workers as [CliProcess, CliProcess, CliProcess];
  // Kill the victim once it has finished one datasource and is in the middle of the next.
  const victimId = `:${victim.child.pid}:`;
  await until(async () => {
    const items = await fleet.controlPlane.client.migrationRunItem.findMany({ where: { runId, claimedBy: { contains: victimId } } });
    return items.some((item) => item.status === 'MIGRATED') && items.some((item) => item.status === 'RUNNING');
  });
  victim.child.kill('SIGKILL');
  expect(await victim.exited).toBeNull();
  expect(await Promise.all([first.exited, third.exited])).toEqual([0, 0]);
  const { counts, expected } = await appliedOnce(STEPS[0] ?? '');
  expect(counts).toEqual(expected);
  const run = await fleet.controlPlane.client.migrationRun.findUniqueOrThrow({ where: { id: runId }, include: { items: true } });
  expect(run.status).toBe('COMPLETED');
  expect(run.items).toHaveLength(31);
  expect(run.items.filter((item) => item.status !== 'MIGRATED' && item.status !== 'SKIPPED')).toEqual([]);
  const pidOf = (item: { claimedBy: string | null }) => Number(item.claimedBy?.split(':')[1]);
  expect(run.items.map(pidOf).filter((pid) => !workers.some((one) => one.child.pid === pid))).toEqual([]);
  // The claim the victim held when it died was taken over once its lease expired.
  expect(run.items.filter((item) => item.attempts === 2 && pidOf(item) !== victim.child.pid).length).toBeGreaterThanOrEqual(1);
}, PROCESS_TEST_TIMEOUT);

test('SIGINT stops between datasources; --resume finishes the same run', async () => {
  const dir = migrationsUpTo(2);
  const interrupted = spawnCli(migrateArgs(dir, '--concurrency', '2'), fleet.env);
  await interrupted.waitForStderr(/\[2\/31\]/, 120_000);
  interrupted.child.kill('SIGINT');
  expect(await interrupted.exited).toBe(130);
  expect(interrupted.stderr()).toContain('SIGINT received: finishing the tenants in flight');
  expect(interrupted.stdout()).toContain('continue with `tenantgate migrate --resume`');
  const run = await fleet.controlPlane.client.migrationRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' }, include: { items: true } });
  expect(run.status).toBe('INTERRUPTED');
  const statuses = run.items.map((item) => item.status);
  expect(statuses).not.toContain('RUNNING');
  expect(statuses.filter((status) => status === 'PENDING').length).toBeGreaterThan(10);

  const resumed = spawnCli(migrateArgs(dir, '--resume', '--json'), fleet.env);
  expect(await resumed.exited).toBe(0);
  expect(JSON.parse(resumed.stdout())).toMatchObject({ runId: run.id, runStatus: 'COMPLETED', counts: { MIGRATED: 31, PENDING: 0 } });
  const { counts, expected } = await appliedOnce(STEPS[1] ?? '');
  expect(counts).toEqual(expected);
  const status = spawnCli(['migrate', 'status', '--migrations-dir', dir], fleet.env);
  expect(await status.exited).toBe(0);
  expect(status.stdout()).toContain('every database is current');
}, PROCESS_TEST_TIMEOUT);
