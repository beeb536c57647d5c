import { type Command } from 'commander';
import { type AppConfig } from '../../config/app-config.js';
import { ControlPlaneMigrationError, migrateFleet, type FleetMigrationReport } from '../../ops/fleet/fleet-migration.js';
import { readFleetStatus } from '../../ops/fleet/fleet-status.js';
import { readRecordedFleetStatus } from '../../ops/fleet/schema-status-snapshot.js';
import { UsageError } from '../cli-io.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { type CommandOutput } from '../output.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { itemLine, renderRecordedStatus, renderRun, renderStatus } from './migrate-format.js';

interface MigrateOptions {
  tenant?: string;
  canary?: number;
  concurrency: number;
  dryRun?: boolean;
  verify?: boolean;
  resume?: boolean;
  run?: string;
  leaseSeconds: number;
  migrationsDir?: string;
  json?: boolean;
}

interface StatusOptions {
  tenant?: string;
  recorded?: boolean;
  concurrency: number;
  migrationsDir?: string;
  json?: boolean;
}

const MIGRATIONS_DIR_HELP = 'tenant migrations folder (default: the ones shipped with this build)';

/** `migrate` (a fleet run, or one more worker of a run) and `migrate status` (the drift report). */
export function registerMigrateCommands(program: Command, deps: CliDeps): void {
  const migrate = program
    .command('migrate')
    .description('migrate the control plane, then every tenant datasource (pooled ones once), recording a run ledger')
    .option('--tenant <slug>', 'only the datasource holding this tenant')
    .option('--canary <n>', 'migrate n datasources first and stop if any of them fails', positiveInteger)
    .option('--concurrency <n>', 'databases migrated at once by this process (capped at TENANT_CONNECTION_BUDGET)', positiveInteger, 4)
    .option('--dry-run', 'show what each datasource would get; change nothing')
    .option('--verify', "read every database's migration history, even those the last check saw current (after restoring a backup)")
    .option('--resume', 'continue the newest run that did not finish (interrupted, or its workers died)')
    .option('--run <id>', 'join this run as one more worker (several processes, one run)')
    .option('--lease-seconds <n>', "how long a worker's claim lasts without a heartbeat", positiveInteger, 60)
    .option('--migrations-dir <dir>', MIGRATIONS_DIR_HELP)
    .addOption(jsonOption())
    // `migrate status --json` gives --json to `status`, not to `migrate` (see buildProgram).
    .enablePositionalOptions()
    .action(deps.action((options: MigrateOptions) => (options.dryRun ? dryRun(deps, options) : runMigrate(deps, options))));

  migrate
    .command('status')
    .description('drift report: per tenant applied / pending / failed / checksum-mismatch / unreachable; exit 0 only when all are current')
    .option('--tenant <slug>', 'only the datasource holding this tenant')
    .option('--concurrency <n>', 'databases read at once (capped at TENANT_CONNECTION_BUDGET)', positiveInteger, 8)
    .option('--migrations-dir <dir>', MIGRATIONS_DIR_HELP)
    .option('--recorded', "each datasource as its last check saw it, from the control plane: reads no tenant database, so it answers at once for any fleet")
    .addOption(jsonOption())
    .action(
      deps.action(async (options: StatusOptions) => {
        const output = deps.output(options);
        if (options.recorded) {
          return recordedStatus(deps, options, output);
        }
        const report = await readStatus(deps.config(), options, output);
        output.result(report, () => renderStatus(output, report));
        return report.allCurrent ? ExitCode.OK : ExitCode.FAILURE;
      }),
    );
}

/** Caps a requested concurrency at the tenant connection budget, saying so when it does. */
export function budgetedConcurrency(requested: number, config: AppConfig, output: CommandOutput): number {
  const budget = config.tenancy.connectionBudget;
  if (requested > budget) {
    output.note(`--concurrency ${requested} is above TENANT_CONNECTION_BUDGET (${budget}); using ${budget}`);
    return budget;
  }
  return requested;
}

function readStatus(config: AppConfig, options: StatusOptions | MigrateOptions, output: CommandOutput) {
  return withControlPlane(config, (control) =>
    readFleetStatus({
      control,
      keyRing: config.keyRing,
      controlDatabaseUrl: config.controlDatabaseUrl ?? '',
      tenantMigrationsDir: options.migrationsDir,
      tenantSlug: options.tenant,
      concurrency: budgetedConcurrency(options.concurrency, config, output),
    }),
  );
}

async function recordedStatus(deps: CliDeps, options: StatusOptions, output: CommandOutput): Promise<number> {
  if (options.tenant) {
    throw new UsageError('--recorded reports the whole fleet: it takes no --tenant');
  }
  const config = deps.config();
  const report = await withControlPlane(config, (control) =>
    readRecordedFleetStatus({ control, controlDatabaseUrl: config.controlDatabaseUrl ?? '', tenantMigrationsDir: options.migrationsDir }),
  );
  output.result(report, () => renderRecordedStatus(output, report, new Date()));
  return report.allCurrent ? ExitCode.OK : ExitCode.FAILURE;
}

function assertCombination(options: MigrateOptions): void {
  if (options.run && (options.resume || options.canary || options.tenant)) {
    throw new UsageError('--run joins an existing run: it takes no --resume, --canary or --tenant');
  }
  if (options.resume && (options.canary || options.tenant)) {
    throw new UsageError('--resume continues a run as it was planned: it takes no --canary or --tenant');
  }
  if (options.verify && (options.run || options.resume)) {
    throw new UsageError('--verify plans a new run: it cannot join or resume one');
  }
  if (options.dryRun && (options.run || options.resume)) {
    throw new UsageError('--dry-run plans nothing: it cannot join or resume a run');
  }
}

async function runMigrate(deps: CliDeps, options: MigrateOptions): Promise<number> {
  assertCombination(options);
  const config = deps.config();
  const output = deps.output(options);
  const interrupt = listenForInterrupt((line) => output.note(line));
  let progress = output.progress(0, 'migrate');
  try {
    const report = await withControlPlane(config, (control) =>
      migrateFleet({
        control,
        keyRing: config.keyRing,
        controlDatabaseUrl: config.controlDatabaseUrl ?? '',
        tenantMigrationsDir: options.migrationsDir,
        tenantSlug: options.tenant,
        canary: options.canary,
        verify: options.verify,
        concurrency: budgetedConcurrency(options.concurrency, config, output),
        runId: options.run,
        resume: options.resume,
        leaseMs: options.leaseSeconds * 1000,
        signal: interrupt.signal,
        onRun: (runId, items) => {
          output.note(`migration run ${runId}: ${items} datasource(s)`);
          progress = output.progress(items, 'migrate');
        },
        onItemDone: (item, done) => progress.tick(itemLine(item, done)),
      }),
    );
    progress.stop();
    output.result(report, () => renderRun(output, report));
    return exitCodeOf(report);
  } catch (error) {
    progress.stop();
    if (error instanceof ControlPlaneMigrationError) {
      output.note(error.message);
      return ExitCode.FAILURE;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

function exitCodeOf(report: FleetMigrationReport): number {
  if (report.interrupted) {
    return ExitCode.INTERRUPTED;
  }
  return report.counts.FAILED > 0 || report.counts.CANCELLED > 0 ? ExitCode.FAILURE : ExitCode.OK;
}

async function dryRun(deps: CliDeps, options: MigrateOptions): Promise<number> {
  assertCombination(options);
  const output = deps.output(options);
  const report = await readStatus(deps.config(), options, output);
  output.result({ dryRun: true, ...report }, () => `dry run: nothing was changed\n${renderStatus(output, report)}`);
  return report.counts.unreachable > 0 || report.counts.failed > 0 ? ExitCode.FAILURE : ExitCode.OK;
}
