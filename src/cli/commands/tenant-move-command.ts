import { type Command } from 'commander';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { abortMove } from '../../ops/move/move-abort.js';
import { progressSteps, type MoveEvent } from '../../ops/move/move-events.js';
import { MoveInterrupted } from '../../ops/move/move-copy.js';
import { type MoveDestination } from '../../ops/move/move-target.js';
import { moveTenant } from '../../ops/move/tenant-move.js';
import { UsageError } from '../cli-io.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { type CommandOutput, type Progress } from '../output.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { confirmDestructive } from '../prompts.js';
import { newDatabasePlacement } from './tenant-lifecycle-commands.js';
import { abortText, moveText } from './tenant-move-format.js';

interface MoveOptions {
  to?: string;
  newDatabase?: string | true;
  onServerOf?: string;
  datasourceName?: string;
  poolMax?: number;
  region?: string;
  resume?: boolean;
  abort?: boolean;
  purgeSource?: boolean;
  batchSize?: number;
  settleMs?: number;
  yes?: boolean;
  json?: boolean;
}

const nonNegativeInteger = (value: string) => (value === '0' ? 0 : positiveInteger(value));

/** `tenants move`: a thin layer over {@link moveTenant} and {@link abortMove}. */
export function registerTenantMoveCommand(tenants: Command, deps: CliDeps): void {
  tenants
    .command('move <slug>')
    .description('move a tenant to another datasource: copy, catch up, verify, switch (read-only only for the final catch-up); resumable')
    .option('--to <datasource>', 'an existing datasource (name or id), e.g. a pooled one or a dedicated database made for it')
    .option('--new-database [name]', 'create, migrate and register a dedicated database for it (default tenant_<slug>)')
    .option('--on-server-of <datasource>', "with --new-database: create it on this datasource's server, with its credentials; otherwise the server URL is read from stdin or a hidden prompt")
    .option('--datasource-name <name>', 'with --new-database: its datasource name (default <slug>-dedicated)')
    .option('--pool-max <n>', 'with --new-database: connections per gateway', positiveInteger)
    .option('--region <region>', 'with --new-database: region label')
    .option('--resume', 'continue the unfinished move of this tenant (running the same command again does too)')
    .option('--abort', 'roll back the unfinished move: remove what it copied, the tenant stays on its source')
    .option('--purge-source', 'delete the tenant\'s rows from the source after the switch')
    .option('--batch-size <n>', 'rows per batch (default 2000)', positiveInteger)
    .option('--settle-ms <ms>', 'how long gateways may serve a cached route (default TENANT_CONFIG_TTL_MS + 1000)', nonNegativeInteger)
    .option('-y, --yes', 'do not ask before --purge-source or --abort (needed without a terminal)')
    .addOption(jsonOption())
    .action(deps.action((slug: string, options: MoveOptions) => runMove(deps, slug, options)));
}

async function runMove(deps: CliDeps, slug: string, options: MoveOptions): Promise<number> {
  const chosen = [options.to !== undefined, options.newDatabase !== undefined, options.resume === true, options.abort === true].filter(Boolean).length;
  if (chosen !== 1) {
    throw new UsageError('give exactly one of --to <datasource>, --new-database [name], --resume and --abort');
  }
  const output = deps.output(options);
  const config = deps.config();
  const controlUrl = config.controlDatabaseUrl as string;
  return withControlPlane(config, async (control) => {
    if (options.abort === true) {
      if (!(await confirmDestructive(`Abort the move of "${slug}" and remove what it copied to its target?`, options.yes, deps.io.stdin))) {
        return ExitCode.FAILURE;
      }
      const result = await abortMove({ control, keyRing: config.keyRing, controlUrl }, slug);
      output.result(result, () => abortText(result));
      return ExitCode.OK;
    }
    if (options.purgeSource === true && !(await confirmDestructive(`Delete "${slug}"'s rows from its source once it is moved?`, options.yes, deps.io.stdin))) {
      return ExitCode.FAILURE;
    }
    const to = options.resume === true ? undefined : await destinationOf(control, config.keyRing, options, deps);
    const interrupt = listenForInterrupt((line) => output.note(line));
    const progress = progressOf(output);
    try {
      const result = await moveTenant(
        { control, keyRing: config.keyRing, controlUrl, onEvent: progress.onEvent, signal: interrupt.signal },
        { tenant: slug, to, purgeSource: options.purgeSource, batchSize: options.batchSize, settleMs: options.settleMs ?? config.tenancy.configTtlMs + 1000 },
      );
      progress.stop();
      output.result(result, () => moveText(output, result));
      return ExitCode.OK;
    } catch (error) {
      progress.stop();
      if (error instanceof MoveInterrupted) {
        output.note(error.message);
        return ExitCode.INTERRUPTED;
      }
      throw error;
    } finally {
      interrupt.dispose();
    }
  });
}

async function destinationOf(control: ControlClient, keyRing: KeyRing, options: MoveOptions, deps: CliDeps): Promise<MoveDestination> {
  return options.to !== undefined ? { kind: 'datasource', datasource: options.to } : newDatabasePlacement(control, keyRing, options, deps);
}

/** Draws a move's events: a bar (or plain lines) over its tables and phases. */
function progressOf(output: CommandOutput): { onEvent: (event: MoveEvent) => void; stop: () => void } {
  let progress: Progress | undefined;
  return {
    onEvent: (event) => {
      if (event.kind === 'started') {
        progress = output.progress(progressSteps(event.tables, event.purge), 'move');
      } else if (event.kind === 'table-copied') {
        progress?.tick(`${event.table}  ${event.rows} rows copied`);
      } else if (event.kind === 'read-only') {
        progress?.tick(`read-only, waiting ${event.settleMs} ms for gateways to see it`);
      } else if (event.kind === 'verified') {
        progress?.tick(`${event.tables} tables verified`);
      } else if (event.kind === 'switched') {
        progress?.tick(`switched to ${event.datasource}`);
      } else if (event.kind === 'purged') {
        progress?.tick(`${event.rows} rows purged from the source`);
      }
    },
    stop: () => progress?.stop(),
  };
}
