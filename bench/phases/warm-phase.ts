import { type BenchProfile } from '../bench-profile.js';
import { type QueryShape } from '../load/bench-query.js';
import { runLoad } from '../load/load-handle.js';
import { primeTenants } from '../load/prime.js';
import { type Distribution } from '../load/tenant-picker.js';
import { startServer, type ServerHandle } from '../servers/server-handle.js';
import { type BenchFleet, type BenchTenant } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { openConnectionSampler } from '../support/pg-connections.js';
import { cpuBetween, readCpu } from '../support/process-cpu.js';
import { assertClean, summarizeRounds, type LoadSummary, type MeasuredRound } from './load-summary.js';

/** One traffic shape measured on the baseline and on the gateway, in interleaved rounds. */
export interface WarmComparison {
  tenants: number;
  distribution: Distribution;
  baseline: LoadSummary;
  /** Each tenant on its own database (DEDICATED datasources). */
  gateway: LoadSummary;
  /** Tenants of the same sizes on one POOLED datasource: routing without the spread over databases. */
  gatewayPooled: LoadSummary;
  /** Gateway p50 over baseline p50 (lower is better; the target is ≤ 1.10). */
  p50Ratio: number;
  /** Gateway requests/s over baseline requests/s (the target is ≥ 0.90). */
  throughputRatio: number;
  pooledP50Ratio: number;
  pooledThroughputRatio: number;
}

/** Phases 1–3: the raw floor, the single-database baseline and the routed gateway. */
export interface WarmResults {
  floor: LoadSummary & { tenants: number; distribution: Distribution };
  /** The accounts page (10 accounts and their total). */
  comparisons: WarmComparison[];
  /**
   * The events screen: 50 events with their dates, location, account and owner (five tenant
   * statements and one control-plane lookup per request). Absent from runs before it was measured.
   */
  eventsPage?: WarmComparison[];
}

/** Something measured: a server, the tenants sent to it, and how its Postgres connections are named. */
interface Contender {
  label: string;
  server: ServerHandle;
  tenants: BenchTenant[];
  applicationPrefix: string;
  shape: QueryShape;
}

/** The traffic shape the headline `p50Ratio` is taken from. */
export const HEADLINE = { tenants: 10, distribution: 'even' as Distribution };

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** With one tenant, skewed and even traffic are the same thing; it is measured once. */
function trafficShapes(tenantCounts: readonly number[]): { tenants: number; distribution: Distribution }[] {
  return tenantCounts.flatMap((tenants) =>
    tenants === 1 ? [{ tenants, distribution: 'even' as const }] : (['even', 'zipf'] as const).map((distribution) => ({ tenants, distribution })),
  );
}

export async function runWarmPhase(
  postgres: BenchPostgres,
  fleet: BenchFleet,
  profile: BenchProfile,
  log: (message: string) => void,
): Promise<WarmResults> {
  const warm = profile.warm;
  const env = {
    ...fleet.serverEnv,
    BENCH_SHARED_URL: fleet.sharedUrl,
    BENCH_SHARED_POOL_MAX: String(warm.poolMax),
    // Room for every warm tenant's pool, so the warm phase measures routing and not eviction.
    TENANT_CONNECTION_BUDGET: String((Math.max(...warm.tenantCounts) + 1) * warm.poolMax),
  };

  const measureRound = async (contender: Contender, distribution: Distribution): Promise<MeasuredRound> => {
    const connections = await openConnectionSampler(postgres.adminUrl, contender.applicationPrefix);
    try {
      await primeTenants(contender.server.url, contender.tenants, contender.shape);
      const cpuAtStart = readCpu((await contender.server.stats({ resetLoopDelay: true })).cpuMs, postgres.postmasterPid);
      connections.start(250);
      const load = await runLoad({
        url: contender.server.url,
        tenants: contender.tenants,
        shape: contender.shape,
        distribution,
        connections: warm.connections,
        durationSeconds: warm.durationSeconds,
        warmupSeconds: warm.warmupSeconds,
        seed: 7,
      });
      const peakPgConnections = Math.max(0, ...(await connections.stop()));
      const stats = await contender.server.stats();
      return { load, stats, peakPgConnections, cpuMs: cpuBetween(cpuAtStart, readCpu(stats.cpuMs, postgres.postmasterPid)) };
    } finally {
      await connections.close();
    }
  };

  /** Rounds rotate the order, so drift on a noisy machine falls on every contender alike. */
  const compare = async (contenders: Contender[], distribution: Distribution): Promise<LoadSummary[]> => {
    const rounds = contenders.map(() => [] as MeasuredRound[]);
    for (let round = 0; round < warm.rounds; round += 1) {
      for (let step = 0; step < contenders.length; step += 1) {
        const index = (round + step) % contenders.length;
        const contender = contenders[index] as Contender;
        rounds[index]?.push(await measureRound(contender, distribution));
      }
    }
    return contenders.map((contender, index) => {
      const summary = summarizeRounds(rounds[index] ?? []);
      const label = `${contender.shape} page, ${contender.label} with ${contender.tenants.length} tenants (${distribution})`;
      assertClean(label, summary);
      if (summary.requests === 0) {
        throw new Error(`${label}: no response completed within the ${warm.durationSeconds} s window (the machine is too busy to measure)`);
      }
      log(
        `  ${contender.shape.padEnd(8)} ${contender.label.padEnd(16)} ${String(contender.tenants.length).padStart(3)} tenants ${distribution.padEnd(4)}` +
          `  p50 ${summary.latencyMs.p50} ms  p99 ${summary.latencyMs.p99} ms  ${summary.requestsPerSecond} req/s` +
          `  CPU/request ${summary.cpuMsPerRequest.server} ms + Postgres ${summary.cpuMsPerRequest.postgres ?? 'n/a'} ms`,
      );
      return summary;
    });
  };

  const servers: ServerHandle[] = [];
  const start = async (kind: ServerHandle['kind']) => {
    const server = await startServer(kind, env);
    servers.push(server);
    return server;
  };
  try {
    const raw = await start('raw-pg');
    const headlineTenants = fleet.tenants.slice(0, HEADLINE.tenants);
    const [floorSummary] = await compare(
      [{ label: 'raw pg (floor)', server: raw, tenants: headlineTenants, applicationPrefix: 'tenantgate-bench-raw', shape: 'accounts' }],
      HEADLINE.distribution,
    );
    await raw.stop();
    const baseline = await start('single-db');
    const gateway = await start('gateway');
    // Unmeasured load on both shapes first: a server's first seconds of traffic (V8 compiling and
    // optimising its request path, pools filling) would otherwise fall in its first measured round.
    const shapes: QueryShape[] = warm.eventsPage.length > 0 ? ['accounts', 'events'] : ['accounts'];
    const headlineFleet = [fleet.tenants.slice(0, HEADLINE.tenants), fleet.pooledTenants.slice(0, HEADLINE.tenants)];
    for (const [server, tenantSets] of [[baseline, headlineFleet.slice(0, 1)], [gateway, headlineFleet]] as const) {
      for (const tenants of tenantSets) {
        for (const shape of shapes) {
          await runLoad({
            url: server.url,
            tenants,
            shape,
            distribution: 'even',
            connections: warm.connections,
            durationSeconds: warm.serverWarmupSeconds / (shapes.length * tenantSets.length),
            warmupSeconds: 0,
            seed: 1,
          });
        }
      }
    }
    /** The single database, the gateway and the pooled gateway on one query shape and traffic shape. */
    const compareShape = async (shape: QueryShape, tenants: number, distribution: Distribution): Promise<WarmComparison> => {
      const [base, routed, pooled] = (await compare(
        [
          { label: 'single database', server: baseline, tenants: fleet.tenants.slice(0, tenants), applicationPrefix: 'tenantgate-bench-single', shape },
          { label: 'gateway', server: gateway, tenants: fleet.tenants.slice(0, tenants), applicationPrefix: 'tenantgate:bench_t', shape },
          { label: 'gateway pooled', server: gateway, tenants: fleet.pooledTenants.slice(0, tenants), applicationPrefix: 'tenantgate:bench_pooled', shape },
        ],
        distribution,
      )) as [LoadSummary, LoadSummary, LoadSummary];
      return {
        tenants,
        distribution,
        baseline: base,
        gateway: routed,
        gatewayPooled: pooled,
        p50Ratio: ratio(routed.latencyMs.p50, base.latencyMs.p50),
        throughputRatio: ratio(routed.requestsPerSecond, base.requestsPerSecond),
        pooledP50Ratio: ratio(pooled.latencyMs.p50, base.latencyMs.p50),
        pooledThroughputRatio: ratio(pooled.requestsPerSecond, base.requestsPerSecond),
      };
    };
    const comparisons: WarmComparison[] = [];
    for (const { tenants, distribution } of trafficShapes(warm.tenantCounts)) {
      comparisons.push(await compareShape('accounts', tenants, distribution));
    }
    const eventsPage: WarmComparison[] = [];
    for (const { tenants, distribution } of warm.eventsPage) {
      eventsPage.push(await compareShape('events', tenants, distribution));
    }
    return { floor: { ...(floorSummary as LoadSummary), ...HEADLINE }, comparisons, eventsPage };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
