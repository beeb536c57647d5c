import { Readable } from 'node:stream';
import { type CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** What one in-process CLI command did. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * Runs one `tenantgate` command in-process with buffered output and, as when piped, a
 * non-terminal stdin. `env()` is read at each call, so a test can change the environment.
 */
export function cliRunner(env: () => Record<string, string>) {
  return async (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: { write: (chunk: string) => out.push(chunk) },
      stderr: { write: (chunk: string) => err.push(chunk) },
      isTTY: false,
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    };
    const code = await runCli(args, { ...env(), ...options.env }, io);
    return { code, out: out.join(''), err: err.join(''), json: <T>() => JSON.parse(out.join('')) as T };
  };
}
