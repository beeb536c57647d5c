import { FULL_PROFILE, QUICK_PROFILE } from './bench-profile.js';
import { runColdPhase } from './phases/cold-phase.js';
import { runFleetMigrationPhase } from './phases/fleet-migration-phase.js';
import { runIdleTenantsPhase } from './phases/idle-tenants-phase.js';
import { runPgBouncerPhase } from './phases/pgbouncer-phase.js';
import { runManyTenantsPhase } from './phases/many-tenants-phase.js';
import { runMovePhase } from './phases/move-phase.js';
import { runVolumePhase } from './phases/volume-phase.js';
import { HEADLINE, runWarmPhase } from './phases/warm-phase.js';
import { checkTargets, headlineFigures, type BenchResults } from './report/bench-results.js';
import { describeMachine, describeVersions } from './report/environment.js';
import { writeResults } from './report/results-files.js';
import { createBenchFleet } from './setup/bench-fleet.js';
import { startBenchPostgres } from './setup/bench-postgres.js';

/**
 * `npm run bench [-- --quick]`: starts a throwaway Postgres, creates the bench fleet, runs every
 * phase, and writes `bench/results/latest.json` and `latest.md`. Exits non-zero when a phase failed
 * (any failed response fails its phase); targets are reported, not asserted.
 */
const profile = process.argv.includes('--quick') ? QUICK_PROFILE : FULL_PROFILE;
/** `--only=cold,many` runs some phases (for profiling one); their results go to `only-cold-many.json`, not `latest.json`. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);
const log = (message: string) => process.stdout.write(`${message}\n`);
const started = performance.now();

const results: BenchResults = {
  date: new Date().toISOString(),
  profile: profile.name,
  runSeconds: 0,
  machine: describeMachine(),
  versions: describeVersions(),
  postgres: '',
  p50Ratio: null,
  throughputRatio: null,
  manyThroughputRatio: null,
  coldP50Ms: null,
  coldP99Ms: null,
  bytesPerIdleTenant: null,
  volumeWorstP50Ratio: null,
  volumeMaxBytes: null,
  targets: [],
  setup: { tenantDatabases: 0, pooledTenants: 0, seconds: 0 },
  phases: {},
  failures: [],
};

async function phase<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  log(`\n${name}`);
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  FAILED: ${message}`);
    results.failures.push({ phase: name, error: message });
    return undefined;
  }
}

log(`tenantgate benchmark, ${profile.name} profile`);
const postgres = await startBenchPostgres();
try {
  results.postgres = postgres.description;
  log(`${postgres.description}`);
  // The move phase builds its own databases; the shared fleet is made only for the phases that use it.
  const fleet = !['warm', 'cold', 'many', 'idle', 'pgbouncer', 'fleet'].some(wanted) ? undefined : await createBenchFleet(postgres, {
    tenants: profile.fleetTenants,
    sharedTenants: Math.max(...profile.warm.tenantCounts),
    poolMax: profile.warm.poolMax,
    idleTenants: wanted('idle') ? profile.idle.tenants : 0,
    onProgress: log,
  });
  if (fleet) {
    results.setup = { tenantDatabases: fleet.tenants.length, pooledTenants: fleet.pooledTenants.length, seconds: Math.round(fleet.setupSeconds * 10) / 10 };
  }
  if (fleet && wanted('warm')) {
    results.phases.warm = await phase('Warm requests: raw pg floor, single database, gateway', () => runWarmPhase(postgres, fleet, profile, log));
  }
  if (fleet && wanted('cold')) {
    results.phases.cold = await phase('Cold activation', () => runColdPhase(fleet, profile, log));
  }
  if (fleet && wanted('many')) {
    results.phases.manyTenants = await phase('Many tenants under a connection budget', () => runManyTenantsPhase(postgres, fleet, profile, log));
  }
  if (fleet && wanted('idle')) {
    results.phases.idleTenants = await phase('Idle tenants: memory per registered datasource', () => runIdleTenantsPhase(fleet, profile, log));
  }
  if (fleet && wanted('pgbouncer')) {
    results.phases.pgbouncer = await phase('Two gateways behind PgBouncer (transaction mode)', () => runPgBouncerPhase(postgres, fleet, profile, log));
  }
  if (fleet && wanted('fleet')) {
    results.phases.fleetMigration = await phase('Fleet migration', () => runFleetMigrationPhase(postgres, fleet, profile, log));
  }
  if (wanted('move')) {
    results.phases.move = await phase('Tenant move', () => runMovePhase(postgres, profile, log));
  }
  if (wanted('volume')) {
    results.phases.volume = await phase('Production-sized tenant: the screens on a grown tenant and a demo-sized one', () => runVolumePhase(postgres, profile, log));
  }
} finally {
  await postgres.stop();
}

const headline = results.phases.warm?.comparisons.find((c) => c.tenants === HEADLINE.tenants && c.distribution === HEADLINE.distribution);
results.p50Ratio = headline?.p50Ratio ?? null;
results.throughputRatio = headline?.throughputRatio ?? null;
Object.assign(results, headlineFigures(results.phases));
results.targets = checkTargets(results.phases);
results.runSeconds = Math.round((performance.now() - started) / 1000);

const resultsName = only ? `only-${only.join('-')}` : 'latest';
writeResults(results, resultsName);
log(`\nTargets (${profile.name} profile, ${results.runSeconds} s):`);
for (const target of results.targets) {
  log(`  ${target.met ? 'met    ' : 'MISSED '} ${target.target}: ${target.measured}${target.scaledDown ? ' (scaled down)' : ''}`);
}
log(`\nWrote bench/results/${resultsName}.json and ${resultsName}.md`);
process.exit(results.failures.length > 0 ? 1 : 0);
