import { type LoadResult } from '../load/load-protocol.js';
import { type ServerStats } from '../servers/server-protocol.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';

/** One server under one load (possibly several rounds pooled), as recorded in the results. */
export interface LoadSummary {
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  failures: number;
  transportErrors: number;
  firstFailure: string | null;
  /** Server RSS at the end of the load (largest over rounds). */
  rssMb: number;
  /** Server event-loop delay during the load (largest over rounds). */
  loopDelayMs: ServerStats['loopDelayMs'];
  /** Most connections the server held to Postgres while the load ran. */
  peakPgConnections: number;
  /**
   * CPU time per answered request (warm-up included) of the server under test and of PostgreSQL
   * (postmaster and every backend, including those that exited). Unlike latency and throughput it
   * does not depend on what else the machine runs at the time; null where it was not read.
   */
  cpuMsPerRequest: { server: number; postgres: number | null };
}

/** One measured round: what the load process saw, and the server's own sample after it. */
export interface MeasuredRound {
  load: LoadResult;
  stats: ServerStats;
  peakPgConnections: number;
  /** CPU time used during the round by the server under test, and by PostgreSQL (null: not read). */
  cpuMs: { server: number; postgres: number | null };
}

export const megabytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const hundredths = (value: number) => Math.round(value * 100) / 100;

/** Pools rounds exactly: percentiles over every response time, throughput over the summed time. */
export function summarizeRounds(rounds: readonly MeasuredRound[]): LoadSummary {
  const requests = rounds.reduce((sum, round) => sum + round.load.requests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.load.durationSeconds, 0);
  const largest = (pick: (round: MeasuredRound) => number) => Math.max(0, ...rounds.map(pick));
  return {
    requests,
    requestsPerSecond: seconds === 0 ? 0 : Math.round((requests / seconds) * 10) / 10,
    latencyMs: summarize(rounds.flatMap((round) => round.load.latencies)),
    failures: rounds.reduce((sum, round) => sum + round.load.failures, 0),
    transportErrors: rounds.reduce((sum, round) => sum + round.load.transportErrors, 0),
    firstFailure: rounds.find((round) => round.load.firstFailure)?.load.firstFailure ?? null,
    rssMb: megabytes(largest((round) => round.stats.rssBytes)),
    loopDelayMs: {
      p50: hundredths(largest((round) => round.stats.loopDelayMs.p50)),
      p99: hundredths(largest((round) => round.stats.loopDelayMs.p99)),
      max: hundredths(largest((round) => round.stats.loopDelayMs.max)),
    },
    peakPgConnections: largest((round) => round.peakPgConnections),
    cpuMsPerRequest: cpuPerRequest(rounds),
  };
}

function cpuPerRequest(rounds: readonly MeasuredRound[]): LoadSummary['cpuMsPerRequest'] {
  const served = rounds.reduce((sum, round) => sum + round.load.servedRequests, 0);
  const perRequest = (ms: number) => (served === 0 ? 0 : Math.round((ms / served) * 1000) / 1000);
  const postgres = rounds.map((round) => round.cpuMs.postgres);
  return {
    server: perRequest(rounds.reduce((sum, round) => sum + round.cpuMs.server, 0)),
    postgres: postgres.some((ms) => ms === null) ? null : perRequest(postgres.reduce<number>((sum, ms) => sum + (ms ?? 0), 0)),
  };
}

/** Throws when any response failed its check: a phase with errors has no valid numbers. */
export function assertClean(label: string, summary: Pick<LoadSummary, 'failures' | 'transportErrors' | 'firstFailure'>): void {
  if (summary.failures > 0 || summary.transportErrors > 0) {
    throw new Error(
      `${label}: ${summary.failures} failed responses and ${summary.transportErrors} transport errors (first: ${summary.firstFailure ?? 'n/a'})`,
    );
  }
}
