/** Where a command writes and whether that is a terminal; tests pass buffers, the binary passes the process's streams. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Whether stderr is a terminal: progress bars are drawn only then, plain lines otherwise. */
  isTTY: boolean;
  /**
   * Where secrets and confirmations are read from (`datasource encrypt`, `tenants delete`). Default:
   * the process's stdin; a prompt is shown only when it is a terminal.
   */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, isTTY: Boolean(process.stderr.isTTY), stdin: process.stdin };
}

/** A wrong command line (exit 2), as opposed to a failure while doing the work (exit 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
