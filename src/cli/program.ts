import { Command, Option } from 'commander';
import { type AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { redactCredentials } from '../ops/migrations/migration-connection.js';
import { type CliIo, UsageError } from './cli-io.js';
import { registerDoctorCommand } from './commands/doctor-command.js';
import { registerExecCommand } from './commands/exec-command.js';
import { registerKeyCommands } from './commands/key-commands.js';
import { registerMigrateCommands } from './commands/migrate-commands.js';
import { registerServerCommands } from './commands/server-commands.js';
import { registerTenantCommands } from './commands/tenant-commands.js';
import { ExitCode } from './exit-codes.js';
import { CommandOutput } from './output.js';

/** What every command group's `register…Commands(program, deps)` receives. */
export interface CliDeps {
  env: Record<string, string | undefined>;
  io: CliIo;
  /** Parses the environment (only src/config reads it); throws a message naming a bad variable. */
  config(): AppConfig;
  /** The output helper for a command's `--json` option. */
  output(options: { json?: boolean }): CommandOutput;
  /**
   * Wraps a command's handler: the number it resolves with becomes the exit code, a
   * {@link UsageError} exits 2, any other error prints its message (credentials removed) and exits 1.
   */
  action<A extends unknown[]>(handler: (...args: A) => Promise<number>): (...args: A) => Promise<void>;
}

/** The `--json` option every command takes. */
export function jsonOption(): Option {
  return new Option('--json', 'print one machine-readable JSON document on stdout');
}

/** Parses a positive integer option value, or fails the command line (exit 2). */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new UsageError(`expected a positive integer, got "${value}"`);
  }
  return parsed;
}

/** A built program plus the exit code its last command chose. */
export interface CliProgram {
  program: Command;
  exitCode(): number;
}

/**
 * Builds the `tenantgate` program. Each command group lives in `src/cli/commands/` and registers
 * itself here; each is a thin layer over a library in `src/ops/`.
 */
export function buildProgram(env: Record<string, string | undefined>, io: CliIo): CliProgram {
  let exitCode: number = ExitCode.OK;
  const deps: CliDeps = {
    env,
    io,
    config: () => loadConfig(env, (message) => io.stderr.write(`${message}\n`)),
    output: (options) => new CommandOutput(io, options.json === true),
    action:
      (handler) =>
      async (...args) => {
        try {
          exitCode = await handler(...args);
        } catch (error) {
          const message = redactCredentials(error instanceof Error ? error.message : String(error));
          io.stderr.write(`${error instanceof UsageError ? 'error: ' : ''}${message}\n`);
          exitCode = error instanceof UsageError ? ExitCode.USAGE : ExitCode.FAILURE;
        }
      },
  };
  const program = new Command('tenantgate')
    .description('the tenantgate gateway and its fleet operations (configuration: environment variables, see .env.example)')
    .exitOverride()
    // A parent's options are read only before its subcommand, so `migrate status --json` reaches `status`.
    .enablePositionalOptions()
    .showHelpAfterError('(run `tenantgate help` for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  registerServerCommands(program, deps);
  registerTenantCommands(program, deps);
  registerKeyCommands(program, deps);
  registerDoctorCommand(program, deps);
  registerMigrateCommands(program, deps);
  registerExecCommand(program, deps);
  return { program, exitCode: () => exitCode };
}
