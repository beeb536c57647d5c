import { type Command } from 'commander';
import { diagnoseTenant } from '../../ops/doctor/doctor.js';
import { type DoctorReport } from '../../ops/doctor/doctor-report.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { type CommandOutput } from '../output.js';

/** `doctor SLUG`: the step-by-step diagnosis; exit 1 when a step failed. */
export function registerDoctorCommand(program: Command, deps: CliDeps): void {
  program
    .command('doctor <slug>')
    .description("diagnose a tenant's path to its data: lookup, decrypt, DNS/TCP, authentication, schema version, connections")
    .option('--timeout <ms>', 'per network step', positiveInteger, 5000)
    .addOption(jsonOption())
    .action(
      deps.action(async (slug: string, options: { timeout: number; json?: boolean }) => {
        const output = deps.output(options);
        const config = deps.config();
        const report = await withControlPlane(config, (control) => diagnoseTenant({ control, keyRing: config.keyRing, timeoutMs: options.timeout }, slug));
        output.result(report, () => doctorText(output, report));
        return report.ok ? ExitCode.OK : ExitCode.FAILURE;
      }),
    );
}

function doctorText(output: CommandOutput, report: DoctorReport): string {
  const table = output.table(
    ['step', 'result', 'ms', 'detail'],
    report.steps.map((step) => [step.name, step.status, step.status === 'skipped' ? '' : step.ms.toFixed(1), step.detail]),
  );
  const failed = report.steps.find((step) => step.status === 'failed');
  return failed === undefined ? `${table}\n${report.tenant}: every step ok` : `${table}\n${report.tenant}: ${failed.name} failed\n  fix: ${failed.hint}`;
}
