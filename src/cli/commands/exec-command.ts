import { type Command } from 'commander';
import { childEnvironment, execAcrossFleet, type ExecOutcome } from '../../ops/fleet/fleet-exec.js';
import { loadFleetTargets } from '../../ops/fleet/fleet-targets.js';
import { UsageError } from '../cli-io.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { budgetedConcurrency } from './migrate-commands.js';

interface ExecOptions {
  tenant?: string;
  all?: boolean;
  concurrency: number;
  json?: boolean;
}

/** `exec [--tenant SLUG | --all] [--concurrency N] -- COMMAND…`. */
export function registerExecCommand(program: Command, deps: CliDeps): void {
  program
    .command('exec')
    .description("run a command once per tenant datasource with DATABASE_URL (that datasource's URL) in its environment only")
    .argument('<command...>', 'the command and its arguments, after `--`')
    .option('--tenant <slug>', 'only the datasource holding this tenant')
    .option('--all', 'every datasource that holds a tenant (a pooled one once)')
    .option('--concurrency <n>', 'commands running at once (capped at TENANT_CONNECTION_BUDGET)', positiveInteger, 4)
    .addOption(jsonOption())
    .action(
      deps.action(async (command: string[], options: ExecOptions) => {
        if (Boolean(options.tenant) === Boolean(options.all)) {
          throw new UsageError('give exactly one of --tenant SLUG or --all');
        }
        const config = deps.config();
        const output = deps.output(options);
        const targets = await withControlPlane(config, (control) => loadFleetTargets(control, config.keyRing, { tenantSlug: options.tenant }));
        const interrupt = listenForInterrupt((line) => output.note(line));
        const outcomes: ExecOutcome[] = [];
        try {
          const [file = '', ...args] = command;
          const result = await execAcrossFleet({
            targets,
            command: file,
            args,
            env: childEnvironment(deps.env),
            concurrency: budgetedConcurrency(options.concurrency, config, output),
            signal: interrupt.signal,
            // With --json stdout carries the one JSON document, so the children's output goes to stderr.
            onLine: (datasource, stream, line) => (stream === 'stdout' && !output.json ? deps.io.stdout : deps.io.stderr).write(`[${datasource}] ${line}\n`),
            onDone: (outcome) => outcomes.push(outcome),
          });
          outcomes.sort((a, b) => (a.datasource < b.datasource ? -1 : 1));
          const failed = outcomes.filter((outcome) => outcome.exitCode !== 0);
          output.result({ results: outcomes, failed: failed.length, interrupted: result.interrupted }, () =>
            [
              output.table(
                ['datasource', 'tenants', 'exit', 'ms'],
                outcomes.map((outcome) => [outcome.datasource, outcome.tenants.join(' '), outcome.error ?? outcome.exitCode ?? outcome.signal, outcome.durationMs]),
              ),
              `${outcomes.length - failed.length} succeeded, ${failed.length} failed${result.interrupted ? ', interrupted before every datasource ran' : ''}`,
            ].join('\n'),
          );
          if (result.interrupted) {
            return ExitCode.INTERRUPTED;
          }
          return failed.length > 0 ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
          interrupt.dispose();
        }
      }),
    );
}
