import { rmSync } from 'node:fs';
import { migrateFleet } from '../../src/ops/fleet/fleet-migration.js';
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

test('fleetSchemaStatus reports each tenant’s state: current, failed and checksum-mismatch', async () => {
  const acme = await fleet.rawDb('acme');
  await acme.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)`);
  const globex = await fleet.rawDb('globex');
  await globex.prisma.$executeRawUnsafe(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('half-done', 'x', '20991231000009_half_done', now(), 0)`,
  );
  type Status = { fleetSchemaStatus: { allCurrent: boolean; controlPlane: { state: string }; tenants: { slug: string; state: string; recordTrue: boolean }[] } };
  const { fleetSchemaStatus } = await asAdmin<Status>('{ fleetSchemaStatus { allCurrent controlPlane { state } tenants { slug state recordTrue } } }');
  expect(fleetSchemaStatus.allCurrent).toBe(false);
  expect(fleetSchemaStatus.controlPlane.state).toBe('current');
  expect(fleetSchemaStatus.tenants).toEqual([
    { slug: 'acme', state: 'checksum-mismatch', recordTrue: true },
    { slug: 'globex', state: 'failed', recordTrue: true },
    { slug: 'initech', state: 'current', recordTrue: true },
    { slug: 'umbrella', state: 'current', recordTrue: true },
  ]);
});
