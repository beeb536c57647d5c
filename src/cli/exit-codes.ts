/**
 * The exit codes every `tenantgate` command uses (documented in the README's operator section),
 * so scripts and CI can tell a failed tenant from a typo from a Ctrl+C.
 */
export const ExitCode = {
  /** Everything the command set out to do succeeded (for `migrate status`: every database is current). */
  OK: 0,
  /** Something failed: a tenant, the control plane, a configuration value, a child command. */
  FAILURE: 1,
  /** The command line was wrong: unknown command or option, a missing or malformed argument. */
  USAGE: 2,
  /** Stopped by SIGINT/SIGTERM between tenants; `--resume` continues where it stopped. */
  INTERRUPTED: 130,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
