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
  error?: string;
}

/** Options of {@link execAcrossFleet}. */
export interface FleetExecOptions {
  targets: FleetTarget[];
  command: string;
  args: string[];
  /** The children's environment before `DATABASE_URL` is set (the CLI strips its own secrets from it). */
  env: Record<string, string | undefined>;
  /** Children at once. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /** One line of a child's output, already redacted. */
  onLine(datasource: string, stream: 'stdout' | 'stderr', line: string): void;
  onDone?(outcome: ExecOutcome): void;
}

/**
 * Runs a command once per datasource with `DATABASE_URL` set to that datasource's decrypted URL
 * in the child's environment only. The URL is never an argument, and every line the child prints
 * passes through a redactor that replaces the URL, its password and any credentials with `***`.
 * A child that exits non-zero (or cannot start) fails alone.
 */
export async function execAcrossFleet(options: FleetExecOptions): Promise<FleetResult<ExecOutcome>> {
  const outcomes = new Map<FleetTarget, ExecOutcome>();
  const result = await iterateFleet<FleetTarget>({
    tenants: options.targets,
    concurrency: options.concurrency ?? 4,
    signal: options.signal,
    run: async (target) => {
      const outcome = await runChild(options, target);
      outcomes.set(target, outcome);
      options.onDone?.(outcome);
      if (outcome.exitCode !== 0) {
        throw new Error(outcome.error ?? `exited with ${outcome.exitCode ?? outcome.signal}`);
      }
      return 'succeeded';
    },
  });
  const of = (target: FleetTarget) => outcomes.get(target) as ExecOutcome;
  return {
    succeeded: result.succeeded.map(of),
    skipped: result.skipped.map(of),
    failed: result.failed.map(({ item, error }) => ({ item: of(item), error })),
    interrupted: result.interrupted,
  };
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
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream] }).on('line', (line) => options.onLine(target.name, stream, redact(line)));
    }
    child.on('close', (exitCode, signal) => {
      resolve({ ...base, exitCode: spawnError ? null : exitCode, signal, durationMs: elapsed(), error: spawnError });
    });
  });
}
