import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** The built binary the README's operator runs (jest's global setup builds it). */
export const CLI_PATH = join(projectRoot, 'dist', 'scripts', 'tenantgate.js');

/** A running `tenantgate` process with its output collected. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches `pattern`, with the match. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Spawns `node dist/scripts/tenantgate.js ARGS` with exactly `env` (plus PATH). */
export function spawnCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    waiters.forEach((check) => check());
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderr(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} on stderr within ${timeoutMs} ms:\n${err}`)), timeoutMs);
        const check = () => {
          const match = err.match(pattern);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          }
        };
        waiters.push(check);
        void exited.then(() =>
          setTimeout(() => {
            clearTimeout(timer);
            reject(new Error(`exited before ${pattern}:\n${err}`));
          }, 0),
        );
        check();
      });
    },
  };
}

/** How a CLI process ended, with everything it printed. */
export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `tenantgate ARGS` like {@link spawnCli}; `done` resolves when it ends, however it ends. */
export function startCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<CliOutcome> } {
  const cli = spawnCli(args, env);
  const done = new Promise<CliOutcome>((resolve) => {
    cli.child.once('close', (code, signal) => resolve({ code, signal, stdout: cli.stdout(), stderr: cli.stderr() }));
  });
  return { child: cli.child, done };
}
