import { type Command, Option } from 'commander';
import { ControlPlaneMigrationError, migrateFleet, type FleetMigrationReport } from '../../ops/fleet/fleet-migration.js';
import { readFleetStatus } from '../../ops/fleet/fleet-status.js';
import { budgetedConcurrency, withControlPlane } from '../control-session.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { renderStatus } from './status-render.js';

interface MigrateOptions {
  tenant?: string;
  canary?: number;
  concurrency: number;
  dryRun?: boolean;
  resume?: boolean;
  run?: string;
  leaseSeconds: number;
  migrationsDir?: string;
  json?: boolean;
}

/** `migrate` (the fleet run, also a worker joining one) and `migrate status` (the drift report). */
export function registerMigrateCommands(program: Command, deps: CliDeps): void {
  const migrate = program
    .command('migrate')
    .description('migrate the control plane, then every tenant datasource (pooled ones once), recording a run ledger')
    .option('--tenant <slug>', 'only the datasource holding this tenant')
    .option('--canary <n>', 'migrate n datasources first and stop if any fails', positiveInteger)
    .option('--concurrency <n>', 'databases migrated at once (capped at TENANT_CONNECTION_BUDGET)', positiveInteger, 4)
    .option('--dry-run', 'show what would be migrated, change nothing')
    .option('--resume', 'continue the newest run that did not finish')
    .option('--run <id>', 'join this run as one more worker (several processes, one run)')
    .option('--lease-seconds <n>', "how long a worker's claim lasts without a heartbeat", positiveInteger, 60)
    .addOption(new Option('--migrations-dir <dir>', 'tenant migrations folder (default: the committed ones)').hideHelp())
    .addOption(jsonOption())
    .action(deps.action((options: MigrateOptions) => (options.dryRun ? dryRun(deps, options) : runMigrate(deps, options))));

  migrate
    .command('status')
    .description('drift report: per datasource applied / pending / failed / checksum-mismatch / unreachable')
    .option('--tenant <slug>', 'only the datasource holding this tenant')
    .addOption(new Option('--migrations-dir <dir>').hideHelp())
    .addOption(jsonOption())
    .action(
      deps.action((options: { tenant?: string; migrationsDir?: string; json?: boolean }) =>
        withControlPlane(deps, async ({ config, control, controlDatabaseUrl }) => {
          const output = deps.output(options);
          const report = await readFleetStatus({
            control,
            keyRing: config.keyRing,
            controlDatabaseUrl,
            tenantMigrationsDir: options.migrationsDir,
            tenantSlug: options.tenant,
          });
          output.result(report, () => renderStatus(output, report));
          return report.allCurrent ? ExitCode.OK : ExitCode.FAILURE;
        }),
      ),
    );
}

async function runMigrate(deps: CliDeps, options: MigrateOptions): Promise<number> {
  if (options.run && (options.resume || options.canary || options.tenant)) {
    throw usage('--run joins an existing run: it takes no --resume, --canary or --tenant');
  }
  const output = deps.output(options);
  const interrupt = listenForInterrupt((line) => output.note(line));
  try {
    return await withControlPlane(deps, async ({ config, control, controlDatabaseUrl }) => {
      let progress = output.progress(0, 'migrate');
      let report: FleetMigrationReport;
      try {
        report = await migrateFleet({
          control,
          keyRing: config.keyRing,
          controlDatabaseUrl,
          tenantMigrationsDir: options.migrationsDir,
          tenantSlug: options.tenant,
          canary: options.canary,
          concurrency: budgetedConcurrency(options.concurrency, config, (line) => output.note(line)),
          runId: options.run,
          resume: options.resume,
          leaseMs: options.leaseSeconds * 1000,
          signal: interrupt.signal,
          onRun: (runId, items) => {
            output.note(`migration run ${runId}: ${items} datasource(s)`);
            progress = output.progress(items, 'migrate');
          },
          onItemDone: (item, done) =>
            progress.tick(
              `${item.datasourceName}  ${done.status.toLowerCase()}  ${done.migrationsApplied.length} applied  ${done.durationMs} ms${done.error ? `  ${done.error}` : ''}`,
            ),
        });
      } catch (error) {
        if (error instanceof ControlPlaneMigrationError) {
          output.note(error.message);
          return ExitCode.FAILURE;
        }
        throw error;
      } finally {
        progress.stop();
      }
      output.result(report, () => renderRun(deps, options, report));
      if (report.interrupted) {
        return ExitCode.INTERRUPTED;
      }
      return report.counts.FAILED > 0 || report.runStatus === 'FAILED' ? ExitCode.FAILURE : ExitCode.OK;
    });
  } finally {
    interrupt.dispose();
  }
}

async function dryRun(deps: CliDeps, options: MigrateOptions): Promise<number> {
  return withControlPlane(deps, async ({ config, control, controlDatabaseUrl }) => {
    const output = deps.output(options);
    const report = await readFleetStatus({
      control,
      keyRing: config.keyRing,
      controlDatabaseUrl,
      tenantMigrationsDir: options.migrationsDir,
      tenantSlug: options.tenant,
    });
    output.result({ dryRun: true, ...report }, () => `dry run: nothing was changed\n${renderStatus(output, report)}`);
    return report.counts.unreachable > 0 || report.counts.failed > 0 ? ExitCode.FAILURE : ExitCode.OK;
  });
}

function renderRun(deps: CliDeps, options: MigrateOptions, report: FleetMigrationReport): string {
  const output = deps.output(options);
  const rows = report.items.map((item) => [
    item.datasourceName,
    item.tenantSlugs.join(' '),
    item.status.toLowerCase(),
    item.migrationsApplied.join(' ') || '-',
    item.durationMs ?? '',
    item.error ?? '',
  ]);
  const { MIGRATED, SKIPPED, FAILED, PENDING, RUNNING } = report.counts;
  return [
    `control plane: ${report.controlPlaneApplied.length ? `applied ${report.controlPlaneApplied.join(', ')}` : 'up to date'}`,
    output.table(['datasource', 'tenants', 'outcome', 'applied', 'ms', 'error'], rows),
    `run ${report.runId} ${report.runStatus.toLowerCase()}: ${MIGRATED} migrated, ${SKIPPED} skipped, ${FAILED} failed, ${PENDING + RUNNING} not done` +
      (report.interrupted ? ` (interrupted: continue with \`tenantgate migrate --resume\`)` : ''),
  ].join('\n');
}

function usage(message: string): Error {
  return Object.assign(new Error(message), { usage: true });
}
