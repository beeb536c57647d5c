import { type BenchProfile } from '../bench-profile.js';
import { runLoad } from '../load/load-handle.js';
import { startServer } from '../servers/server-handle.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { setDedicatedPoolSizes } from '../setup/datasource-pools.js';
import { openConnectionSampler } from '../support/pg-connections.js';
import { cpuBetween, readCpu } from '../support/process-cpu.js';
import { assertClean, megabytes, summarizeRounds, type LoadSummary } from './load-summary.js';

/** One sample of the gateway during the many-tenant run. */
export interface FleetSample {
  second: number;
  rssMb: number;
  tenantConnections: number;
  liveDatasources: number;
}

/** Phase 5: hundreds of tenant databases under a connection budget, skewed traffic for minutes. */
export interface ManyTenantsResults {
  databases: number;
  connectionBudget: number;
  poolMax: number;
  durationSeconds: number;
  gatewayNodeOptions: string;
  load: LoadSummary;
  peakTenantConnections: number;
  clientsBuilt: number;
  clientsEvicted: number;
  budgetWaits: number;
  /** Largest RSS in the first and the second half of the run; a plateau keeps them close. */
  rssFirstHalfMaxMb: number;
  rssSecondHalfMaxMb: number;
  /**
   * PostgreSQL's CPU time per second with no request running, measured just before the load: its
   * background work (autovacuum's launcher visits every database each `autovacuum_naptime`). Null
   * when the server's processes cannot be read.
   */
  postgresIdleCpuMsPerSecond: number | null;
  samples: FleetSample[];
}

const IDLE_SAMPLE_MS = 5000;

/** PostgreSQL's CPU time per second over a quiet interval. */
async function idleCpuRate(postmasterPid: number | null): Promise<number | null> {
  const before = readCpu(0, postmasterPid).postgres;
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const after = readCpu(0, postmasterPid).postgres;
  return before === null || after === null ? null : Math.round(((after - before) / IDLE_SAMPLE_MS) * 1000);
}

export async function runManyTenantsPhase(
  postgres: BenchPostgres,
  fleet: BenchFleet,
  profile: BenchProfile,
  log: (message: string) => void,
): Promise<ManyTenantsResults> {
  const { databases, connectionBudget, poolMax, connections, durationSeconds, gatewayNodeOptions } = profile.many;
  const tenants = fleet.tenants.slice(0, databases);
  await setDedicatedPoolSizes(fleet.controlUrl, poolMax);
  const gateway = await startServer('gateway', { ...fleet.serverEnv, TENANT_CONNECTION_BUDGET: String(connectionBudget), NODE_OPTIONS: profile.many.gatewayNodeOptions });
  const sampler = await openConnectionSampler(postgres.adminUrl, 'tenantgate:');
  const samples: FleetSample[] = [];
  const started = performance.now();
  const timer = setInterval(() => {
    void Promise.all([sampler.sample(), gateway.stats()])
      .then(([tenantConnections, stats]) => {
        samples.push({
          second: Math.round((performance.now() - started) / 100) / 10,
          rssMb: megabytes(stats.rssBytes),
          tenantConnections,
          liveDatasources: stats.pool?.liveDatasources ?? 0,
        });
      })
      // A sample in flight when the phase ends (or the gateway dies) is dropped; the load result says what failed.
      .catch(() => undefined);
  }, 1000);
  try {
    log(`  ${databases} tenant databases, budget ${connectionBudget} connections, ${durationSeconds} s of Zipf traffic…`);
    const postgresIdleCpuMsPerSecond = await idleCpuRate(postgres.postmasterPid);
    const cpuAtStart = readCpu((await gateway.stats({ resetLoopDelay: true })).cpuMs, postgres.postmasterPid);
    const load = await runLoad({ url: gateway.url, tenants, distribution: 'zipf', connections, durationSeconds, warmupSeconds: 0, seed: 11 });
    clearInterval(timer);
    const stats = await gateway.stats();
    const peakTenantConnections = Math.max(0, ...samples.map((sample) => sample.tenantConnections));
    const cpuMs = cpuBetween(cpuAtStart, readCpu(stats.cpuMs, postgres.postmasterPid));
    const summary = summarizeRounds([{ load, stats, peakPgConnections: peakTenantConnections, cpuMs }]);
    assertClean(`many tenants (${databases} databases)`, summary);
    const half = durationSeconds / 2;
    const rssMax = (keep: (sample: FleetSample) => boolean) => Math.max(0, ...samples.filter(keep).map((sample) => sample.rssMb));
    const results: ManyTenantsResults = {
      databases,
      connectionBudget,
      poolMax,
      durationSeconds,
      gatewayNodeOptions,
      load: summary,
      peakTenantConnections,
      clientsBuilt: stats.pool?.builds ?? 0,
      clientsEvicted: stats.pool?.evictions ?? 0,
      budgetWaits: stats.pool?.budgetWaits ?? 0,
      rssFirstHalfMaxMb: rssMax((sample) => sample.second <= half),
      rssSecondHalfMaxMb: rssMax((sample) => sample.second > half),
      postgresIdleCpuMsPerSecond,
      samples,
    };
    log(
      `  ${summary.requests} requests, ${summary.failures} failures, peak ${peakTenantConnections}/${connectionBudget} connections, ` +
        `RSS ${results.rssFirstHalfMaxMb} → ${results.rssSecondHalfMaxMb} MB, ${results.clientsBuilt} clients built, ${results.budgetWaits} budget waits, ` +
        `CPU/request ${summary.cpuMsPerRequest.server} ms + Postgres ${summary.cpuMsPerRequest.postgres ?? 'n/a'} ms ` +
        `(Postgres idle: ${postgresIdleCpuMsPerSecond ?? 'n/a'} ms/s)`,
    );
    if (peakTenantConnections > connectionBudget) {
      throw new Error(`tenant connections reached ${peakTenantConnections}, above the budget of ${connectionBudget}`);
    }
    return results;
  } finally {
    clearInterval(timer);
    await sampler.close();
    await gateway.stop();
  }
}
