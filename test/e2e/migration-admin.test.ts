import { rmSync } from 'node:fs';
import { migrateFleet } from '../../src/ops/fleet/fleet-migration.js';
import { readFleetStatus } from '../../src/ops/fleet/fleet-status.js';
import { platformAdminSession } from '../support/admin-session.js';
import { expectError } from '../support/error-assertions.js';
import { postGraphQL } from '../support/graphql-client.js';
import { PROBE_MIGRATION, writeProbeMigrations } from '../support/migration-fleet.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
let adminToken: string;
let probeDir: string;

async function asAdmin<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await postGraphQL<T>(fleet.app.url, query, { token: adminToken, variables });
  expect(result.errors).toEqual([]);
  return result.data as T;
}

beforeAll(async () => {
  fleet = await startTestFleet();
  adminToken = (await platformAdminSession(fleet)).token;
  probeDir = writeProbeMigrations('');
});
afterAll(async () => {
  await fleet?.close();
  rmSync(probeDir, { recursive: true, force: true });
});

const RUN_FIELDS = `id status targetVersion canary startedBy finishedAt
  counts { migrated skipped failed cancelled pending running }
  datasources { datasourceName tenantSlugs status migrationsApplied attempts durationMs error }
  tenants { tenantSlug datasourceName status schemaVersion }`;

test('migrationRuns and migrationRun show the ledger with per-datasource and per-tenant outcomes, and are audited', async () => {
  const { control } = fleet.app;
  const report = await migrateFleet({ control: control.client, keyRing: fleet.config.keyRing, controlDatabaseUrl: fleet.databases.control.url, tenantMigrationsDir: probeDir });
  type Run = { id: string; status: string; counts: Record<string, number>; datasources: { datasourceName: string; tenantSlugs: string[]; migrationsApplied: string[]; attempts: number }[]; tenants: { tenantSlug: string; status: string; schemaVersion: string }[] };
  const { migrationRuns } = await asAdmin<{ migrationRuns: { totalCount: number; edges: { node: Run }[] } }>(`{ migrationRuns(first: 5) { totalCount edges { node { ${RUN_FIELDS} } } } }`);
  expect(migrationRuns.totalCount).toBe(1);
  const run = migrationRuns.edges[0]?.node;
  expect(run).toMatchObject({ id: report.runId, status: 'COMPLETED', counts: { migrated: 3, skipped: 0, failed: 0 } });
  expect(run?.datasources.map((item) => [item.datasourceName, item.tenantSlugs, item.migrationsApplied, item.attempts])).toEqual([
    ['acme-db', ['acme'], [PROBE_MIGRATION], 1],
    ['globex-db', ['globex'], [PROBE_MIGRATION], 1],
    ['pooled-db', ['initech', 'umbrella'], [PROBE_MIGRATION], 1],
  ]);
  expect(run?.tenants.map((tenant) => [tenant.tenantSlug, tenant.status, tenant.schemaVersion])).toEqual(
    ['acme', 'globex', 'initech', 'umbrella'].map((slug) => [slug, 'MIGRATED', PROBE_MIGRATION]),
  );
  const one = await asAdmin<{ migrationRun: Run }>(`query($id: ID!) { migrationRun(id: $id) { ${RUN_FIELDS} } }`, { id: report.runId });
  expect(one.migrationRun).toEqual(run);
  const missing = await postGraphQL(fleet.app.url, '{ migrationRun(id: "00000000-0000-4000-8000-000000000000") { id } }', { token: adminToken });
  expectError(missing, 'NOT_FOUND');
  const rows = await control.client.auditLog.findMany({ where: { operation: { in: ['admin.migrationRuns', 'admin.migrationRun'] } } });
  expect(rows.map((row) => `${row.operation} ${row.outcome}`).sort()).toEqual(['admin.migrationRun FAILURE', 'admin.migrationRun SUCCESS', 'admin.migrationRuns SUCCESS']);
});

test('fleetSchemaStatus answers from the recorded checks with their age; a live check of one tenant and `migrate status` record the truth', async () => {
  const acme = await fleet.rawDb('acme');
  await acme.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)`);
  const globex = await fleet.rawDb('globex');
  await globex.prisma.$executeRawUnsafe(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('half-done', 'x', '20991231000009_half_done', now(), 0)`,
  );
  type Database = { name: string; state: string; checkedAt: string | null };
  type Status = {
    fleetSchemaStatus: {
      allCurrent: boolean;
      unchecked: number;
      oldestCheckAt: string | null;
      controlPlane: { state: string };
      datasources: Database[];
      tenants: { slug: string; state: string; recordTrue: boolean }[];
    };
  };
  const REPORT = '{ fleetSchemaStatus { allCurrent unchecked oldestCheckAt controlPlane { state } datasources { name state checkedAt } tenants { slug state recordTrue } } }';
  const states = (report: Status['fleetSchemaStatus']) => report.tenants.map((tenant) => [tenant.slug, tenant.state, tenant.recordTrue]);

  // The report shows what the run recorded (every database current against the probe migrations,
  // which this gateway does not ship, so not all current for it) and never reads a database inside
  // the request: the changes made since are seen by the next check.
  const before = (await asAdmin<Status>(REPORT)).fleetSchemaStatus;
  expect(before).toMatchObject({ allCurrent: false, unchecked: 0, controlPlane: { state: 'current' } });
  expect(states(before)).toEqual(['acme', 'globex', 'initech', 'umbrella'].map((slug) => [slug, 'current', true]));

  const checkedFrom = Date.now();
  type Check = { checkTenantSchemaStatus: Database & { modified: string[] } };
  const check = await asAdmin<Check>('mutation($id: ID!) { checkTenantSchemaStatus(tenantId: $id) { name state checkedAt modified } }', { id: fleet.tenants.acme.id });
  expect(check.checkTenantSchemaStatus).toMatchObject({ name: 'acme-db', state: 'checksum-mismatch' });
  expect(check.checkTenantSchemaStatus.modified).toHaveLength(1);
  const one = (await asAdmin<Status>(REPORT)).fleetSchemaStatus;
  expect(Date.parse(one.datasources.find((database) => database.name === 'acme-db')?.checkedAt ?? '')).toBeGreaterThanOrEqual(checkedFrom - 1000);
  expect(states(one).slice(0, 2)).toEqual([['acme', 'checksum-mismatch', true], ['globex', 'current', true]]);

  // `tenantgate migrate status` (its library) checks every database and records each.
  await readFleetStatus({ control: fleet.app.control.client, keyRing: fleet.config.keyRing, controlDatabaseUrl: fleet.databases.control.url, tenantMigrationsDir: probeDir });
  const all = (await asAdmin<Status>(REPORT)).fleetSchemaStatus;
  expect(all).toMatchObject({ allCurrent: false, unchecked: 0 });
  expect(all.datasources.every((database) => database.checkedAt !== null)).toBe(true);
  expect(states(all)).toEqual([
    ['acme', 'checksum-mismatch', true],
    ['globex', 'failed', true],
    ['initech', 'current', true],
    ['umbrella', 'current', true],
  ]);
  // A datasource no check has seen yet (e.g. one created since) says so.
  await fleet.app.control.client.datasourceSchemaStatus.deleteMany({ where: { datasource: { name: 'pooled-db' } } });
  const never = (await asAdmin<Status>(REPORT)).fleetSchemaStatus;
  expect(never.unchecked).toBe(1);
  expect(states(never).slice(2)).toEqual([['initech', 'unchecked', true], ['umbrella', 'unchecked', true]]);
  const missing = await postGraphQL(fleet.app.url, 'mutation { checkTenantSchemaStatus(tenantId: "00000000-0000-4000-8000-000000000000") { state } }', { token: adminToken });
  expectError(missing, 'NOT_FOUND');
});
