import { type FleetMigrationReport } from '../../ops/fleet/fleet-migration.js';
import { type FleetStatusReport } from '../../ops/fleet/fleet-status.js';
import { type RecordedFleetStatus } from '../../ops/fleet/schema-status-snapshot.js';
import { type ClaimedItem, type ItemCompletion } from '../../ops/fleet/run-ledger.js';
import { type CommandOutput } from '../output.js';

/** One progress line: `acme-db  migrated  1 applied  31 ms`. */
export function itemLine(item: ClaimedItem, done: ItemCompletion): string {
  const error = done.error ? `  ${done.error}` : '';
  return `${item.datasourceName}  ${done.status.toLowerCase()}  ${done.migrationsApplied.length} applied  ${done.durationMs} ms${error}`;
}

/**
 * The summary of a run: every datasource that did something or failed (up-to-date ones are
 * counted, not listed, so a no-op run over ten thousand databases stays one screen).
 */
export function renderRun(output: CommandOutput, report: FleetMigrationReport): string {
  const rows = report.items
    .filter((item) => item.status !== 'SKIPPED')
    .map((item) => [
      item.datasourceName,
      item.tenantSlugs.join(' '),
      item.status.toLowerCase(),
      item.migrationsApplied.join(' ') || '-',
      item.durationMs,
      item.error,
    ]);
  const { MIGRATED, SKIPPED, FAILED, CANCELLED, PENDING, RUNNING } = report.counts;
  // Planned skipped from the last check, never attempted: see `RunLedger.createRun`.
  const unread = report.items.filter((item) => item.status === 'SKIPPED' && item.attempts === 0).length;
  const current = unread > 0 ? `${SKIPPED} already current (${unread} as last checked; --verify reads them)` : `${SKIPPED} already current`;
  const control = report.controlPlaneApplied.length > 0 ? `applied ${report.controlPlaneApplied.join(', ')}` : 'up to date';
  return [
    `control plane: ${control}`,
    rows.length > 0 ? output.table(['datasource', 'tenants', 'outcome', 'applied', 'ms', 'error'], rows) : null,
    `run ${report.runId} ${report.runStatus.toLowerCase()}: ${MIGRATED} migrated, ${current}, ` +
      `${FAILED} failed, ${CANCELLED} cancelled, ${PENDING + RUNNING} not done`,
    report.interrupted ? 'interrupted: continue with `tenantgate migrate --resume`' : null,
    FAILED > 0 ? 'fix the failed datasources (see `tenantgate doctor SLUG`), then run `tenantgate migrate` again' : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

type ReportTenant = FleetStatusReport['tenants'][number] | RecordedFleetStatus['tenants'][number];
type ReportDatabase = Pick<FleetStatusReport['datasources'][number], 'name' | 'pending' | 'failed' | 'modified' | 'error'>;

/** A tenant's row: slug, datasource, state, schema version (and a record that disagrees), detail. */
function tenantRow(tenant: ReportTenant, drift: ReportDatabase | undefined): string[] {
  const detail = drift?.error ?? [...(drift?.pending ?? []).map((name) => `pending ${name}`), ...(drift?.failed ?? []).map((name) => `failed ${name}`), ...(drift?.modified ?? []).map((name) => `modified ${name}`)].join(', ');
  const recorded = tenant.recordTrue ? '' : ` (control plane records ${tenant.recordedVersion ?? 'none'})`;
  return [tenant.slug, tenant.datasource, tenant.state, `${tenant.databaseVersion ?? '-'}${recorded}`, detail];
}

/** The drift report: one row per tenant (a pooled datasource's tenants share its state). */
export function renderStatus(output: CommandOutput, report: FleetStatusReport): string {
  const byName = new Map(report.datasources.map((drift) => [drift.name, drift]));
  const rows = report.tenants.map((tenant) => tenantRow(tenant, byName.get(tenant.datasource)));
  const control = report.controlPlane;
  const counts = Object.entries(report.counts)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
  return [
    `control plane: ${control.state}${control.pending.length > 0 ? ` (pending ${control.pending.join(', ')})` : ''}${control.error ? ` (${control.error})` : ''}`,
    `target tenant schema: ${report.targetVersion ?? 'none'}`,
    rows.length > 0 ? output.table(['tenant', 'datasource', 'state', 'schema', 'detail'], rows) : 'no tenants',
    `databases: ${counts}`,
    report.allCurrent ? 'every database is current' : 'not all current: run `tenantgate migrate`',
  ].join('\n');
}

/** How long ago, in the largest whole unit: `12 s`, `5 min`, `3 h`, `2 d`. */
function age(since: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  const units: [number, string][] = [[86_400, 'd'], [3600, 'h'], [60, 'min']];
  const [size, unit] = units.find(([length]) => seconds >= length) ?? [1, 's'];
  return `${Math.floor(seconds / size)} ${unit}`;
}

/** `migrate status --recorded`: the tenant rows of the live report, with when each database was checked. */
export function renderRecordedStatus(output: CommandOutput, report: RecordedFleetStatus, now: Date): string {
  const byName = new Map(report.datasources.map((database) => [database.name, database]));
  const rows = report.tenants.map((tenant) => {
    const database = byName.get(tenant.datasource);
    const checked = database?.checkedAt ? `${age(database.checkedAt, now)} ago` : 'never';
    return [...tenantRow(tenant, database), checked];
  });
  const counts = new Map<string, number>();
  for (const database of report.datasources) {
    counts.set(database.state, (counts.get(database.state) ?? 0) + 1);
  }
  const stale = report.datasources.filter((database) => database.state === 'current' && database.checkedAgainst !== report.targetVersion).length;
  const control = report.controlPlane;
  return [
    `control plane (read now): ${control.state}${control.pending.length > 0 ? ` (pending ${control.pending.join(', ')})` : ''}${control.error ? ` (${control.error})` : ''}`,
    `target tenant schema: ${report.targetVersion ?? 'none'}`,
    rows.length > 0 ? output.table(['tenant', 'datasource', 'state', 'schema', 'detail', 'checked'], rows) : 'no tenants',
    `databases as last checked: ${[...counts].map(([state, count]) => `${count} ${state}`).join(', ') || 'none'}` +
      (stale > 0 ? `; ${stale} current against an older migration` : ''),
    report.oldestCheckAt ? `oldest check ${age(report.oldestCheckAt, now)} ago; \`tenantgate migrate status\` reads every database now` : 'no database was checked yet: run `tenantgate migrate status`',
    report.allCurrent ? 'every database was current when last checked' : 'not all current when last checked: run `tenantgate migrate`',
  ].join('\n');
}
