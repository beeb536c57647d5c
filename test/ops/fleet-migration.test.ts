import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password-hasher.js';
import { createKeyRing } from '../../src/crypto/key-ring.js';
import { ControlPlaneMigrationError, migrateFleet, type FleetMigrationReport } from '../../src/ops/fleet/fleet-migration.js';
import { type FleetStatusReport } from '../../src/ops/fleet/fleet-status.js';
import { type RecordedFleetStatus } from '../../src/ops/fleet/schema-status-snapshot.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { cliRunner } from '../support/cli-runner.js';
import { adminQuery, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { codesOf, postGraphQL } from '../support/graphql-client.js';
import { appliedCounts, PROBE_MIGRATION, startMigrationFleet, writeProbeMigrations, type MigrationFleet } from '../support/migration-fleet.js';
import { testConfig } from '../support/test-config.js';

const PASSWORD = 'fleet migration password';
/** Each step touches 32 databases; a busy shared machine can make that slow. */
const FLEET_TEST_TIMEOUT = 120_000;
let fleet: MigrationFleet;
let lagging: TestDatabase;
let app: App;
let token: string;
let initOnlyDir: string;
const cli = cliRunner(() => fleet.env);
const dbOf = (slug: string) => fleet.tenants.find((tenant) => tenant.slug === slug)?.database ?? '';
const migrate = (...args: string[]) => cli(['migrate', '--migrations-dir', fleet.migrationsDir, ...args]);
const status = async () => {
  const run = await cli(['migrate', 'status', '--migrations-dir', fleet.migrationsDir, '--json']);
  return { code: run.code, report: run.json<FleetStatusReport>() };
};
/** How many migrations the lagging tenant misses: all of the fleet's but the first. */
const lagBehind = () => readdirSync(fleet.migrationsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length - 1;
const stateOf = (report: FleetStatusReport) => Object.fromEntries(report.tenants.map((tenant) => [tenant.slug, tenant.state]));
const lagAccounts = () => postGraphQL(app.url, '{ accounts(first: 1) { totalCount } }', { token });

beforeAll(async () => {
  fleet = await startMigrationFleet({ label: 'fm', dedicated: 30 });
  // One tenant behind the code by every migration but the first committed one.
  initOnlyDir = mkdtempSync(join(tmpdir(), 'tg-init-only-'));
  const first = readdirSync(tenantMigrationsDir).sort()[0] ?? '';
  cpSync(join(tenantMigrationsDir, first), join(initOnlyDir, first), { recursive: true });
  lagging = await createTestDatabase('fm_lag');
  const keyRing = createKeyRing(fleet.key, []);
  const { tenant } = await provisionTenant(
    { control: fleet.controlPlane.client, keyRing, migrationsDir: initOnlyDir },
    { slug: 'lag', name: 'Lagging', datasource: { name: 'lag-db', kind: 'DEDICATED', url: lagging.url, poolMax: 1 } },
  );
  fleet.tenants.push({ id: tenant.id, slug: 'lag', datasource: 'lag-db', database: lagging.name });
  const passwordHash = await hashPassword(PASSWORD, { logN: 10, r: 8, p: 1 });
  const user = await upsertUser(fleet.controlPlane.client, { email: 'owner@lag.test', displayName: 'Owner', passwordHash });
  await addMember(fleet.controlPlane.client, { userId: user.id, tenantId: tenant.id, role: 'OWNER' });
  // A short route cache: the gateway sees a migrated tenant's new version without being told.
  app = await createApp({ ...testConfig(fleet.control.url, { configTtlMs: 50 }), keyRing });
  const login = await postGraphQL<{ login: { accessToken: string } }>(
    app.url,
    'mutation($p: String!) { login(email: "owner@lag.test", password: $p, tenantSlug: "lag") { accessToken } }',
    { variables: { p: PASSWORD } },
  );
  token = login.data?.login.accessToken ?? '';
}, 120_000);

afterAll(async () => {
  await app?.close();
  await fleet?.close();
  await lagging?.drop();
  rmSync(initOnlyDir, { recursive: true, force: true });
});

test('a control plane that cannot be migrated stops the run before any tenant, and no run is recorded', async () => {
  const brokenControl = mkdtempSync(join(tmpdir(), 'tg-broken-control-'));
  cpSync(controlMigrationsDir, brokenControl, { recursive: true });
  mkdirSync(join(brokenControl, '20991231000000_broken'));
  writeFileSync(join(brokenControl, '20991231000000_broken', 'migration.sql'), 'SELECT 1 / 0;\n');
  try {
    const keyRing = createKeyRing(fleet.key, []);
    const attempt = migrateFleet({ control: fleet.controlPlane.client, keyRing, controlDatabaseUrl: fleet.control.url, controlMigrationsDir: brokenControl, tenantMigrationsDir: fleet.migrationsDir });
    await expect(attempt).rejects.toThrow(ControlPlaneMigrationError);
    await expect(attempt).rejects.toThrow(/no tenant was touched: migration `20991231000000_broken` failed/);
  } finally {
    rmSync(brokenControl, { recursive: true, force: true });
  }
  expect(await fleet.controlPlane.client.migrationRun.count()).toBe(0);
  expect([...(await appliedCounts(fleet)).values()].every((count) => count === 0)).toBe(true);
}, FLEET_TEST_TIMEOUT);

test('migrate status reports every tenant pending before the run, and exits 1', async () => {
  const { code, report } = await status();
  expect(code).toBe(1);
  expect(report.controlPlane.state).toBe('current');
  expect(report.datasources).toHaveLength(32);
  expect(report.tenants).toHaveLength(33);
  expect(new Set(report.tenants.map((tenant) => tenant.state))).toEqual(new Set(['pending']));
  expect(report.datasources.find((drift) => drift.name === 'lag-db')?.pending).toHaveLength(lagBehind());
  expect(report.datasources.find((drift) => drift.name === 'pooled-db')?.tenants).toEqual(['pool-a', 'pool-b']);
}, FLEET_TEST_TIMEOUT);

test('the gateway refuses the lagging tenant with TENANT_SCHEMA_OUTDATED; --dry-run changes nothing', async () => {
  expect(codesOf(await lagAccounts())).toEqual(['TENANT_SCHEMA_OUTDATED']);
  const dry = await migrate('--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.out).toMatch(/dry run: nothing was changed[\s\S]*t29\s.*pending/);
  expect([...(await appliedCounts(fleet)).values()].every((count) => count === 0)).toBe(true);
}, FLEET_TEST_TIMEOUT);

test('migrate --tenant migrates only that tenant, and the gateway then serves it', async () => {
  const run = await migrate('--tenant', 'lag', '--json');
  expect(run.code).toBe(0);
  const report = run.json<FleetMigrationReport>();
  expect(report.items.map((item) => [item.datasourceName, item.status, item.migrationsApplied.length])).toEqual([['lag-db', 'MIGRATED', lagBehind()]]);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect((await lagAccounts()).errors).toEqual([]);
  const { report: after } = await status();
  expect(stateOf(after)).toMatchObject({ lag: 'current', t00: 'pending' });
}, FLEET_TEST_TIMEOUT);

test('one broken and one unreachable database fail alone and are reported; the rest migrate, pooled once', async () => {
  await fleet.query(dbOf('t03'), 'CREATE TABLE fleet_probe (squatter TEXT)');
  await adminQuery(`ALTER DATABASE "${dbOf('t07')}" ALLOW_CONNECTIONS false`);
  const run = await migrate('--canary', '3', '--concurrency', '6', '--json');
  expect(run.code).toBe(1);
  const report = run.json<FleetMigrationReport>();
  expect(report.runStatus).toBe('FAILED');
  expect(report.counts).toMatchObject({ MIGRATED: 29, SKIPPED: 1, FAILED: 2, PENDING: 0, RUNNING: 0 });
  const failed = report.items.filter((item) => item.status === 'FAILED');
  expect(failed.map((item) => item.datasourceName)).toEqual(['t03-db', 't07-db']);
  expect(failed[0]?.error).toMatch(/fleet_probe.*already exists/);
  expect(failed[1]?.error).toMatch(/cannot connect/);
  expect(report.items.filter((item) => item.datasourceName === 'pooled-db')).toMatchObject([{ tenantSlugs: ['pool-a', 'pool-b'], status: 'MIGRATED' }]);
  const versions = await fleet.controlPlane.client.tenant.findMany({ select: { slug: true, schemaVersion: true } });
  for (const { slug, schemaVersion } of versions) {
    expect([slug, schemaVersion === PROBE_MIGRATION]).toEqual([slug, !['t03', 't07'].includes(slug)]);
  }
}, FLEET_TEST_TIMEOUT);

test('migrate status tells the truth after the partial run, and --recorded what the run saw', async () => {
  const recorded = await cli(['migrate', 'status', '--recorded', '--migrations-dir', fleet.migrationsDir, '--json']);
  expect(recorded.code).toBe(1);
  const seen = recorded.json<RecordedFleetStatus>();
  expect(Object.fromEntries(seen.tenants.map((tenant) => [tenant.slug, tenant.state]))).toMatchObject({ t03: 'pending', t07: 'unreachable', t00: 'current', 'pool-a': 'current' });
  expect(seen.datasources.filter((database) => database.state === 'current')).toHaveLength(30);
  const { code, report } = await status();
  expect(code).toBe(1);
  const states = stateOf(report);
  expect(states).toMatchObject({ t03: 'pending', t07: 'unreachable', t00: 'current', 'pool-a': 'current', lag: 'current' });
  expect(Object.values(states).filter((state) => state === 'current')).toHaveLength(31);
  expect(report.tenants.every((tenant) => tenant.recordTrue)).toBe(true);
  expect(report.datasources.find((drift) => drift.name === 't07-db')?.error).not.toMatch(/postgres(ql)?:\/\/[^*]/);
}, FLEET_TEST_TIMEOUT);

test('a re-run after the repair finishes the two, skips the rest fast, and applies nothing twice', async () => {
  await fleet.query(dbOf('t03'), 'DROP TABLE fleet_probe');
  await adminQuery(`ALTER DATABASE "${dbOf('t07')}" ALLOW_CONNECTIONS true`);
  const run = await migrate('--json');
  expect(run.code).toBe(0);
  const report = run.json<FleetMigrationReport>();
  expect(report.runStatus).toBe('COMPLETED');
  expect(report.counts).toMatchObject({ MIGRATED: 2, SKIPPED: 30, FAILED: 0 });
  // The 30 the failed run recorded current are skipped from that record, without a connection.
  expect(report.items.filter((item) => item.status === 'SKIPPED').every((item) => item.attempts === 0 && item.durationMs === null)).toBe(true);
  expect([...(await appliedCounts(fleet)).values()].every((count) => count === 1)).toBe(true);
  const { code, report: after } = await status();
  expect(code).toBe(0);
  expect(after.allCurrent).toBe(true);
  const human = await cli(['migrate', 'status', '--migrations-dir', fleet.migrationsDir]);
  expect(human.out).toMatch(/every database is current/);
  const recorded = await cli(['migrate', 'status', '--recorded', '--migrations-dir', fleet.migrationsDir]);
  expect(recorded.code).toBe(0);
  expect(recorded.out).toMatch(/databases as last checked: 32 current\n/);
  expect(recorded.out).toMatch(/every database was current when last checked/);
  const runs = await fleet.controlPlane.client.migrationRun.findMany({ orderBy: { startedAt: 'asc' }, include: { items: true } });
  expect(runs.map((ledger) => [ledger.status, ledger.items.length])).toEqual([['COMPLETED', 1], ['FAILED', 32], ['COMPLETED', 32]]);
  expect(runs[1]?.items.find((item) => item.datasourceName === 't03-db')).toMatchObject({ status: 'FAILED', migrationsApplied: [], attempts: 1 });
}, FLEET_TEST_TIMEOUT);

test('a run trusts the last check only for the same migrations; --verify and a failed check make it read the database', async () => {
  await adminQuery(`ALTER DATABASE "${dbOf('t05')}" ALLOW_CONNECTIONS false`);
  try {
    const trusted = await migrate('--json');
    expect(trusted.code).toBe(0);
    expect(trusted.out).not.toMatch(/cannot connect/);
    const skipped = trusted.json<FleetMigrationReport>().items;
    expect(skipped.filter((item) => item.status === 'SKIPPED' && item.attempts === 0)).toHaveLength(32);
    const human = await migrate();
    expect(human.out).toMatch(/32 already current \(32 as last checked; --verify reads them\)/);

    const verified = await migrate('--verify', '--json');
    expect(verified.code).toBe(1);
    const items = verified.json<FleetMigrationReport>().items;
    expect(items.filter((item) => item.status === 'FAILED').map((item) => [item.datasourceName, item.error])).toEqual([['t05-db', expect.stringMatching(/cannot connect/)]]);
    expect(items.filter((item) => item.status === 'SKIPPED' && item.attempts === 1)).toHaveLength(31);
    const check = await fleet.controlPlane.client.datasourceSchemaStatus.findFirst({ where: { datasource: { name: 't05-db' } } });
    expect(check).toMatchObject({ state: 'unreachable', filesFingerprint: null, latest: PROBE_MIGRATION });
  } finally {
    await adminQuery(`ALTER DATABASE "${dbOf('t05')}" ALLOW_CONNECTIONS true`);
  }
  // The database that failed its last check is read again; the others are still trusted.
  const after = (await migrate('--json')).json<FleetMigrationReport>().items;
  expect(after.filter((item) => item.attempts === 1).map((item) => [item.datasourceName, item.status])).toEqual([['t05-db', 'SKIPPED']]);
  expect(after.filter((item) => item.status === 'SKIPPED')).toHaveLength(32);
  // Other migrations (here the same names with one file edited) trust no earlier check.
  const edited = writeProbeMigrations('-- edited after it was applied');
  try {
    const run = await cli(['migrate', '--migrations-dir', edited, '--json']);
    const items = run.json<FleetMigrationReport>().items;
    expect(items.filter((item) => item.status === 'SKIPPED' && item.attempts === 1)).toHaveLength(32);
    const checks = await fleet.controlPlane.client.datasourceSchemaStatus.findMany({ select: { state: true, modified: true } });
    expect(checks.filter((one) => one.state === 'checksum-mismatch' && one.modified.includes(PROBE_MIGRATION))).toHaveLength(32);
  } finally {
    rmSync(edited, { recursive: true, force: true });
  }
}, FLEET_TEST_TIMEOUT);

test('a failing canary wave cancels the rest of the run', async () => {
  const failing = writeProbeMigrations('', { '20991231000001_divide': 'SELECT 1 / 0;\n' });
  try {
    const run = await cli(['migrate', '--migrations-dir', failing, '--canary', '2', '--json']);
    expect(run.code).toBe(1);
    expect(run.json<FleetMigrationReport>().counts).toMatchObject({ FAILED: 2, CANCELLED: 30, MIGRATED: 0 });
  } finally {
    rmSync(failing, { recursive: true, force: true });
  }
}, FLEET_TEST_TIMEOUT);

test('exec runs the command once per datasource with its own URL in the environment only, never printed', async () => {
  const script = [
    'const url = new URL(process.env.DATABASE_URL);',
    'console.log("db " + url.pathname.slice(1));',
    'console.log("leak " + process.env.DATABASE_URL + " pw " + url.password);',
    'console.error("key " + (process.env.TENANTGATE_ENCRYPTION_KEY ?? "none") + " args " + process.argv.length);',
    'process.exit(url.pathname.includes("_t05_") ? 3 : 0);',
  ].join('\n');
  const run = await cli(['exec', '--all', '--concurrency', '4', '--', process.execPath, '-e', script]);
  expect(run.code).toBe(1);
  const datasources = new Map(fleet.tenants.map((tenant) => [tenant.datasource, tenant.database]));
  expect(datasources.size).toBe(32);
  for (const [datasource, database] of datasources) {
    expect(run.out).toContain(`[${datasource}] db ${database}\n`);
    expect(run.out).toContain(`[${datasource}] leak *** pw ***\n`);
    expect(run.err).toContain(`[${datasource}] key none args 1\n`);
  }
  expect(run.out).toMatch(/t05-db\s*│\s*t05\s*│\s*3/);
  expect(run.out).toContain('31 succeeded, 1 failed');
  const password = new URL(fleet.control.url).password;
  expect(`${run.out}${run.err}`).not.toMatch(new RegExp(`postgres(ql)?://|:${password}@`));
  const one = await cli(['exec', '--tenant', 'pool-b', '--json', '--', process.execPath, '-e', script]);
  expect(one.code).toBe(0);
  expect(one.json()).toMatchObject({ failed: 0, results: [{ datasource: 'pooled-db', tenants: ['pool-a', 'pool-b'], exitCode: 0 }] });
  expect(one.err).toContain('[pooled-db] db ');
  expect(await cli(['exec', '--', 'true'])).toMatchObject({ code: 2, err: expect.stringContaining('exactly one of --tenant SLUG or --all') });
}, FLEET_TEST_TIMEOUT);

test('wrong combinations exit 2; an unknown run or nothing to resume exits 1 with a clear message', async () => {
  expect(await migrate('--run', '00000000-0000-4000-8000-000000000000', '--tenant', 't01')).toMatchObject({ code: 2, err: expect.stringContaining('--run joins an existing run') });
  expect(await migrate('--resume', '--canary', '2')).toMatchObject({ code: 2, err: expect.stringContaining('--resume continues a run as it was planned') });
  expect(await migrate('--resume', '--dry-run')).toMatchObject({ code: 2, err: expect.stringContaining('--dry-run plans nothing') });
  expect(await cli(['migrate', 'status', '--recorded', '--tenant', 't01'])).toMatchObject({ code: 2, err: expect.stringContaining('--recorded reports the whole fleet') });
  expect(await migrate('--resume', '--verify')).toMatchObject({ code: 2, err: expect.stringContaining('--verify plans a new run') });
  expect(await migrate('--run', '00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 1, err: expect.stringContaining('no migration run 00000000-0000-4000-8000-000000000000') });
  expect(await migrate('--resume')).toMatchObject({ code: 1, err: expect.stringContaining('no unfinished migration run to resume') });
  expect(await migrate('--tenant', 'nobody')).toMatchObject({ code: 1, err: expect.stringContaining('no tenant "nobody"') });
}, FLEET_TEST_TIMEOUT);
