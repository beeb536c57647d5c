import { type ColdResults } from '../phases/cold-phase.js';
import { type FleetMigrationResults } from '../phases/fleet-migration-phase.js';
import { type IdleTenantsResults } from '../phases/idle-tenants-phase.js';
import { type PgBouncerResults } from '../phases/pgbouncer-phase.js';
import { type ManyTenantsResults } from '../phases/many-tenants-phase.js';
import { type MoveResults } from '../phases/move-phase.js';
import { type VolumeResults } from '../phases/volume-phase.js';
import { HEADLINE, type WarmResults } from '../phases/warm-phase.js';

/** Where one of the project's targets stands in this run. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  /** The run measured something smaller than the target names (the quick profile). */
  scaledDown: boolean;
}

/** Everything one run measured; written to `bench/results/latest.json`. */
export interface BenchResults {
  date: string;
  profile: 'quick' | 'full';
  runSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string };
  versions: Record<string, string>;
  postgres: string;
  /** Warm routed p50 over single-database p50, 10 tenants, even traffic. */
  p50Ratio: number | null;
  /** Warm routed requests/s over single-database requests/s, same traffic. */
  throughputRatio: number | null;
  /** Many-tenant req/s over the 10-tenant warm gateway's req/s (even traffic), same run. */
  manyThroughputRatio: number | null;
  /** Cold activation (a cold tenant's whole first request) p50 and p99, ms. */
  coldP50Ms: number | null;
  coldP99Ms: number | null;
  /** RSS one more registered, once-served, idle tenant datasource costs (idle phase). */
  bytesPerIdleTenant: number | null;
  /** The worst screen's p50 on the grown tenant over its p50 on the demo-sized one (volume phase). */
  volumeWorstP50Ratio: number | null;
  /** The largest response of a screen on the grown tenant, bytes (volume phase). */
  volumeMaxBytes: number | null;
  targets: TargetCheck[];
  setup: { tenantDatabases: number; pooledTenants: number; seconds: number };
  phases: { warm?: WarmResults; cold?: ColdResults; manyTenants?: ManyTenantsResults; idleTenants?: IdleTenantsResults; pgbouncer?: PgBouncerResults; fleetMigration?: FleetMigrationResults; move?: MoveResults; volume?: VolumeResults };
  /** Phases that failed, with why; a failed phase has no numbers. */
  failures: { phase: string; error: string }[];
}

const MANY_TENANTS_TARGET = 500;
const FLEET_TARGET = 500;
const IDLE_TENANTS_TARGET = 2000;
const COLD_TENANTS_TARGET = 200;
const MOVE_ROWS_TARGET = 100_000;
const VOLUME_ROWS_TARGET = 1_000_000;
const KEY_ACCOUNT_SCREEN = 'key account with the first page of each relation';

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The top-level figures of `latest.json` (null when their phase did not run). */
export function headlineFigures(
  phases: BenchResults['phases'],
): Pick<BenchResults, 'manyThroughputRatio' | 'coldP50Ms' | 'coldP99Ms' | 'bytesPerIdleTenant' | 'volumeWorstP50Ratio' | 'volumeMaxBytes'> {
  const warm10 = phases.warm?.comparisons.find((c) => c.tenants === HEADLINE.tenants && c.distribution === HEADLINE.distribution);
  const many = phases.manyTenants;
  return {
    manyThroughputRatio: warm10 && many && warm10.gateway.requestsPerSecond > 0 ? round3(many.load.requestsPerSecond / warm10.gateway.requestsPerSecond) : null,
    coldP50Ms: phases.cold?.steps.totalMs.p50 ?? null,
    coldP99Ms: phases.cold?.steps.totalMs.p99 ?? null,
    bytesPerIdleTenant: phases.idleTenants?.bytesPerIdleTenant ?? null,
    volumeWorstP50Ratio: phases.volume?.worstP50Ratio ?? null,
    volumeMaxBytes: phases.volume?.maxBytes ?? null,
  };
}

/** Compares the run with the targets of the benchmark issue; reports, never asserts. */
export function checkTargets(phases: BenchResults['phases']): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const headline = phases.warm?.comparisons.find((c) => c.tenants === HEADLINE.tenants && c.distribution === HEADLINE.distribution);
  if (headline) {
    checks.push(
      { target: 'warm p50 ≤ 1.10× single database (10 tenants, even)', measured: `${headline.p50Ratio}×`, met: headline.p50Ratio <= 1.1, scaledDown: false },
      {
        target: 'warm throughput ≥ 0.90× single database (10 tenants, even)',
        measured: `${headline.throughputRatio}×`,
        met: headline.throughputRatio >= 0.9,
        scaledDown: false,
      },
    );
  }
  const cold = phases.cold;
  if (cold) {
    checks.push(
      {
        target: `cold activation p50 < 12 ms (${COLD_TENANTS_TARGET} tenants)`,
        measured: `${cold.steps.totalMs.p50} ms`,
        met: cold.steps.totalMs.p50 < 12,
        scaledDown: cold.tenants < COLD_TENANTS_TARGET,
      },
      {
        target: `cold activation p99 < 40 ms (${COLD_TENANTS_TARGET} tenants)`,
        measured: `${cold.steps.totalMs.p99} ms`,
        met: cold.steps.totalMs.p99 < 40,
        scaledDown: cold.tenants < COLD_TENANTS_TARGET,
      },
      {
        target: '100 concurrent cold requests build one client',
        measured: `${cold.concurrent.clientsBuilt} built`,
        met: cold.concurrent.clientsBuilt === 1,
        scaledDown: cold.concurrent.requests < 100,
      },
    );
  }
  const many = phases.manyTenants;
  if (many) {
    const scaledDown = many.databases < MANY_TENANTS_TARGET;
    checks.push(
      {
        target: `${MANY_TENANTS_TARGET} tenant databases, 60-connection budget: zero errors`,
        measured: `${many.databases} databases, ${many.load.failures + many.load.transportErrors} errors in ${many.load.requests} requests`,
        met: many.load.failures + many.load.transportErrors === 0,
        scaledDown,
      },
      {
        target: 'tenant connections never above the budget',
        measured: `peak ${many.peakTenantConnections} of ${many.connectionBudget}`,
        met: many.peakTenantConnections <= many.connectionBudget,
        scaledDown,
      },
      {
        target: 'many-tenant p99 < 250 ms',
        measured: `${many.load.latencyMs.p99} ms`,
        met: many.load.latencyMs.p99 < 250,
        scaledDown,
      },
      {
        target: 'RSS plateau under 600 MB',
        measured: `${many.rssFirstHalfMaxMb} MB first half, ${many.rssSecondHalfMaxMb} MB second half`,
        met: many.rssSecondHalfMaxMb < 600,
        scaledDown,
      },
    );
  }
  const { manyThroughputRatio, bytesPerIdleTenant } = headlineFigures(phases);
  if (manyThroughputRatio !== null && many) {
    checks.push({
      target: 'many-tenant throughput ≥ 0.5× the 10-tenant warm gateway',
      measured: `${manyThroughputRatio}×`,
      met: manyThroughputRatio >= 0.5,
      scaledDown: many.databases < MANY_TENANTS_TARGET,
    });
  }
  const idle = phases.idleTenants;
  if (idle && bytesPerIdleTenant !== null) {
    const scaledDown = idle.tenants < IDLE_TENANTS_TARGET;
    checks.push(
      { target: `${IDLE_TENANTS_TARGET} registered tenants: RSS < 500 MB`, measured: `${idle.touched.rssMb} MB with ${idle.tenants}`, met: idle.touched.rssMb < 500, scaledDown },
      { target: 'memory per idle tenant < 200 KB', measured: `${Math.round(bytesPerIdleTenant / 1024)} KB`, met: bytesPerIdleTenant < 200 * 1024, scaledDown },
    );
  }
  const bouncer = phases.pgbouncer;
  if (bouncer?.measured) {
    checks.push({
      target: 'two gateways behind PgBouncer: server connections never above its cap, zero errors',
      measured: `peak ${bouncer.peakServerConnections} of ${bouncer.serverConnections}, ${bouncer.failures} errors`,
      met: bouncer.peakServerConnections <= bouncer.serverConnections && bouncer.failures === 0,
      scaledDown: bouncer.databases < MANY_TENANTS_TARGET,
    });
  }
  const fleet = phases.fleetMigration;
  if (fleet) {
    const scaledDown = fleet.databases < FLEET_TARGET;
    checks.push(
      { target: `one new migration on ${FLEET_TARGET} databases < 10 s`, measured: `${fleet.apply.seconds} s for ${fleet.databases}`, met: fleet.apply.seconds < 10, scaledDown },
      { target: 'no-op fleet migration < 3 s', measured: `${fleet.noop.seconds} s for ${fleet.databases}`, met: fleet.noop.seconds < 3, scaledDown },
    );
    if (fleet.noopVerified) {
      checks.push({ target: 'no-op fleet migration with --verify < 3 s', measured: `${fleet.noopVerified.seconds} s for ${fleet.databases}`, met: fleet.noopVerified.seconds < 3, scaledDown });
    }
    // Results written before the phase measured `migrate status` have no `status`.
    if (fleet.status) {
      checks.push({ target: `migrate status over ${FLEET_TARGET} databases < 3 s`, measured: `${fleet.status.seconds} s for ${fleet.databases}`, met: fleet.status.seconds < 3, scaledDown });
    }
  }
  const move = phases.move;
  if (move) {
    checks.push({
      target: `move of a tenant with ${MOVE_ROWS_TARGET / 1000}k rows < 30 s, verified`,
      measured: `${move.seconds} s for ${move.rows} rows, ${move.verified ? 'verified' : 'NOT verified'}`,
      met: move.seconds < 30 && move.verified,
      scaledDown: move.rows < MOVE_ROWS_TARGET,
    });
  }
  const volume = phases.volume;
  if (volume) {
    const scaledDown = volume.bigRows < VOLUME_ROWS_TARGET;
    const slowest = [...volume.screens].sort((a, b) => b.big.p95Ms - a.big.p95Ms)[0];
    const key = volume.screens.find((screen) => screen.screen === KEY_ACCOUNT_SCREEN);
    const pages = volume.screens.filter((screen) => screen !== key);
    checks.push(
      { target: 'every screen on a 1M-row tenant within 1.5× its p50 on the demo tenant', measured: `worst ${volume.worstP50Ratio}×`, met: volume.worstP50Ratio <= 1.5, scaledDown },
      { target: 'every screen on a 1M-row tenant < 150 ms p95', measured: `slowest ${slowest?.big.p95Ms ?? 0} ms (${slowest?.screen ?? '-'})`, met: (slowest?.big.p95Ms ?? 0) < 150, scaledDown },
      {
        target: 'no default page above 200 KB',
        measured: `largest ${Math.max(...pages.map((screen) => screen.big.bytes))} B`,
        met: pages.every((screen) => screen.big.bytes <= 200 * 1024),
        scaledDown,
      },
      { target: "the key account's page < 100 KB", measured: `${key?.big.bytes ?? 0} B`, met: (key?.big.bytes ?? Infinity) < 100 * 1024, scaledDown },
    );
  }
  return checks;
}
