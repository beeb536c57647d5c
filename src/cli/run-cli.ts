import { CommanderError } from 'commander';
import { type CliIo, processIo, UsageError } from './cli-io.js';
import { ExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';

/**
 * Runs one CLI command and resolves with the process exit code (see {@link ExitCode}): usage
 * errors exit 2, help exits 0, no command prints the help.
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo = processIo(),
): Promise<number> {
  const { program, exitCode } = buildProgram(env, io);
  try {
    await program.parseAsync(argv.length === 0 ? ['help'] : argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCode.USAGE;
    }
    throw error;
  }
}
