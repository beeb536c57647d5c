import { type ColdResults } from '../phases/cold-phase.js';
import { type FleetMigrationResults } from '../phases/fleet-migration-phase.js';
import { type ManyTenantsResults } from '../phases/many-tenants-phase.js';
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
  targets: TargetCheck[];
  setup: { tenantDatabases: number; pooledTenants: number; seconds: number };
  phases: { warm?: WarmResults; cold?: ColdResults; manyTenants?: ManyTenantsResults; fleetMigration?: FleetMigrationResults };
  /** Phases that failed, with why; a failed phase has no numbers. */
  failures: { phase: string; error: string }[];
}

const MANY_TENANTS_TARGET = 500;
const FLEET_TARGET = 500;

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
      { target: 'cold activation p50 < 25 ms', measured: `${cold.steps.totalMs.p50} ms`, met: cold.steps.totalMs.p50 < 25, scaledDown: false },
      { target: 'cold activation p99 < 60 ms', measured: `${cold.steps.totalMs.p99} ms`, met: cold.steps.totalMs.p99 < 60, scaledDown: false },
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
        target: 'RSS plateau under 600 MB',
        measured: `${many.rssFirstHalfMaxMb} MB first half, ${many.rssSecondHalfMaxMb} MB second half`,
        met: many.rssSecondHalfMaxMb < 600,
        scaledDown,
      },
    );
  }
  const fleet = phases.fleetMigration;
  if (fleet) {
    const scaledDown = fleet.databases < FLEET_TARGET;
    checks.push(
      { target: `fleet migration of ${FLEET_TARGET} databases < 60 s`, measured: `${fleet.apply.seconds} s for ${fleet.databases}`, met: fleet.apply.seconds < 60, scaledDown },
      { target: 'no-op fleet migration < 5 s', measured: `${fleet.noop.seconds} s for ${fleet.databases}`, met: fleet.noop.seconds < 5, scaledDown },
    );
  }
  return checks;
}
