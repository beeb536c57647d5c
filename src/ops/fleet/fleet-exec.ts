import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { iterateFleet, type FleetResult } from './fleet-iterator.js';
import { targetUrl, type FleetTarget } from './fleet-targets.js';
import { secretRedactor } from './secret-redactor.js';

/** How one child ended. */
export interface ExecOutcome {
  datasource: string;
  tenants: string[];
  /** The child's exit code; null when it was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** Why the child did not run (no URL, command not found); redacted. */
  error?: string;
}

/** Options of {@link execAcrossFleet}. */
export interface FleetExecOptions {
  targets: FleetTarget[];
  command: string;
  args: string[];
  /** The children's environment before `DATABASE_URL` is set: pass {@link childEnvironment}'s. */
  env: Record<string, string | undefined>;
  /** Children at once. Default 4. */
  concurrency?: number;
  /** SIGINT: running children finish, no new one starts. */
  signal?: AbortSignal;
  /** One line of a child's output, already redacted. */
  onLine(datasource: string, stream: 'stdout' | 'stderr', line: string): void;
  onDone?(outcome: ExecOutcome): void;
}

/** Variables of the operator's environment a child must not inherit: the control plane's URL and the keys. */
const PARENT_SECRETS = ['DATABASE_URL', 'TENANTGATE_ENCRYPTION_KEY', 'TENANTGATE_ENCRYPTION_KEYS_PREVIOUS', 'JWT_SECRET', 'JWT_PREVIOUS_SECRET'];

/** The operator's environment without tenantgate's own secrets, for the children of `exec`. */
export function childEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !PARENT_SECRETS.includes(name)));
}

/**
 * Runs a command once per datasource with `DATABASE_URL` set to that datasource's decrypted URL
 * in the child's environment only. The URL is never an argument, and every line the child prints
 * passes through a redactor that replaces the URL, its password and any credentials with `***`.
 * A child that exits non-zero (or cannot start) fails alone.
 */
export async function execAcrossFleet(options: FleetExecOptions): Promise<FleetResult<FleetTarget>> {
  return iterateFleet<FleetTarget>({
    tenants: options.targets,
    concurrency: options.concurrency ?? 4,
    signal: options.signal,
    run: async (target) => {
      const outcome = await runChild(options, target);
      options.onDone?.(outcome);
      if (outcome.exitCode !== 0) {
        throw new Error(outcome.error ?? `exited with ${outcome.exitCode ?? outcome.signal}`);
      }
      return 'succeeded';
    },
  });
}

async function runChild(options: FleetExecOptions, target: FleetTarget): Promise<ExecOutcome> {
  const started = performance.now();
  const base = { datasource: target.name, tenants: target.tenants.map((t) => t.slug) };
  const elapsed = () => Math.round(performance.now() - started);
  let url: string;
  try {
    url = targetUrl(target);
  } catch (error) {
    return { ...base, exitCode: null, signal: null, durationMs: 0, error: (error as Error).message };
  }
  const redact = secretRedactor(url);
  return new Promise((resolve) => {
    const child = spawn(options.command, options.args, {
      env: { ...options.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let spawnError: string | undefined;
    child.on('error', (error) => {
      spawnError = redact(`cannot run ${options.command}: ${error.message}`);
    });
    const streams = (['stdout', 'stderr'] as const).map(
      (stream) =>
        new Promise<void>((done) => {
          createInterface({ input: child[stream] })
            .on('line', (line) => options.onLine(target.name, stream, redact(line)))
            .on('close', done);
        }),
    );
    child.on('close', (exitCode, signal) => {
      // Every line is delivered before the outcome, so a summary never precedes its output.
      void Promise.all(streams).then(() =>
        resolve({ ...base, exitCode: spawnError ? null : exitCode, signal, durationMs: elapsed(), error: spawnError }),
      );
    });
  });
}
