import { type LoadSummary } from '../phases/load-summary.js';
import { type WarmComparison } from '../phases/warm-phase.js';
import { type BenchResults } from './bench-results.js';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const load = (summary: LoadSummary) => [summary.latencyMs.p50, summary.latencyMs.p99, summary.requestsPerSecond];
const cpu = (summary: LoadSummary) => `${summary.cpuMsPerRequest.server} + ${summary.cpuMsPerRequest.postgres ?? 'n/a'}`;

/** One table row per traffic shape: the single database, the gateway and the pooled gateway side by side. */
function comparisonTable(comparisons: readonly WarmComparison[]): string[] {
  return [
    row(['tenants', 'traffic', 'single DB p50 / p99 ms', 'single DB req/s', 'gateway p50 / p99 ms', 'gateway req/s', 'p50 ratio', 'throughput ratio', 'pooled p50 ratio', 'pooled throughput ratio']),
    row(Array.from({ length: 10 }, () => '---')),
    ...comparisons.map((c) => {
      const [bp50, bp99, brps] = load(c.baseline);
      const [gp50, gp99, grps] = load(c.gateway);
      return row([c.tenants, c.distribution, `${bp50} / ${bp99}`, brps ?? 0, `${gp50} / ${gp99}`, grps ?? 0, c.p50Ratio, c.throughputRatio, c.pooledP50Ratio, c.pooledThroughputRatio]);
    }),
  ];
}

function warmSection(results: BenchResults): string[] {
  const warm = results.phases.warm;
  if (!warm) {
    return [];
  }
  const floor = warm.floor;
  const events = warm.eventsPage ?? [];
  return [
    '## Warm requests (phases 1–3)',
    '',
    `The floor — raw \`pg\` over \`node:http\`, same SQL and JSON, no GraphQL or Prisma — ${floor.tenants} tenants, ${floor.distribution}: ` +
      `p50 ${floor.latencyMs.p50} ms, p99 ${floor.latencyMs.p99} ms, ${floor.requestsPerSecond} req/s.`,
    '',
    '### The accounts page: 10 accounts and their total',
    '',
    ...comparisonTable(warm.comparisons),
    '',
    ...(events.length
      ? [
          '### The events screen: 50 events with their dates, location, account and owner',
          '',
          'Five tenant statements (page, count, dates, locations, accounts) and one control-plane lookup (owners) per request, on every server.',
          '',
          ...comparisonTable(events),
          '',
        ]
      : []),
    '"gateway": each tenant on its own database; "pooled": the same tenants on one POOLED datasource (routing without the spread over databases).',
    '',
    'CPU time per request, server under test + PostgreSQL (ms; postmaster and every backend). Unlike latency it does not move with what else the machine runs.',
    '',
    row(['tenants', 'traffic', 'single DB', 'gateway', 'pooled']),
    row(Array.from({ length: 5 }, () => '---')),
    ...warm.comparisons.map((c) => row([c.tenants, c.distribution, cpu(c.baseline), cpu(c.gateway), cpu(c.gatewayPooled)])),
    '',
  ];
}

function coldSection(results: BenchResults): string[] {
  const cold = results.phases.cold;
  if (!cold) {
    return [];
  }
  const labels: Record<keyof typeof cold.steps, string> = {
    lookupMs: 'control-plane lookup',
    decryptMs: 'decrypt URL',
    constructMs: 'build client',
    connectMs: 'connect',
    restMs: 'auth, GraphQL, first queries',
    totalMs: 'whole first request',
  };
  return [
    `## Cold activation (phase 4): ${cold.tenants} tenants one after another`,
    '',
    row(['step', 'p50 ms', 'p99 ms', 'max ms']),
    row(['---', '---', '---', '---']),
    ...(Object.keys(labels) as (keyof typeof labels)[]).map((step) => row([labels[step], cold.steps[step].p50, cold.steps[step].p99, cold.steps[step].max])),
    '',
    `${cold.concurrent.requests} concurrent requests to one cold tenant: ${cold.concurrent.clientsBuilt} client built, ` +
      `${cold.concurrent.failures} failures, p50 ${cold.concurrent.latencyMs.p50} ms, p99 ${cold.concurrent.latencyMs.p99} ms.`,
    '',
  ];
}

function manySection(results: BenchResults): string[] {
  const many = results.phases.manyTenants;
  if (!many) {
    return [];
  }
  return [
    `## Many tenants (phase 5): ${many.databases} databases, ${many.connectionBudget}-connection budget, ${many.durationSeconds} s of Zipf traffic`,
    '',
    `Each datasource's pool is ${many.poolMax} connection(s); the gateway runs with \`${many.gatewayNodeOptions || 'no Node flags'}\`.`,
    '',
    row(['requests', 'errors', 'req/s', 'p50 / p99 ms', 'peak tenant connections', 'clients built', 'evicted', 'budget waits', 'RSS 1st half / 2nd half MB', 'event-loop delay p99 ms', 'CPU/request gateway + Postgres ms']),
    row(Array.from({ length: 11 }, () => '---')),
    row([
      many.load.requests,
      many.load.failures + many.load.transportErrors,
      many.load.requestsPerSecond,
      `${many.load.latencyMs.p50} / ${many.load.latencyMs.p99}`,
      `${many.peakTenantConnections} / ${many.connectionBudget}`,
      many.clientsBuilt,
      many.clientsEvicted,
      many.budgetWaits,
      `${many.rssFirstHalfMaxMb} / ${many.rssSecondHalfMaxMb}`,
      many.load.loopDelayMs.p99,
      cpu(many.load),
    ]),
    '',
    `With no request running, just before the load, PostgreSQL used ${many.postgresIdleCpuMsPerSecond ?? 'n/a'} ms of CPU per second (autovacuum visiting the databases).`,
    '',
  ];
}

function idleSection(results: BenchResults): string[] {
  const idle = results.phases.idleTenants;
  if (!idle) {
    return [];
  }
  return [
    `## Idle tenants: ${idle.tenants} registered tenant datasources over ${idle.databases} databases, each served once`,
    '',
    row(['', 'RSS MB', 'JS heap MB']),
    row(['---', '---', '---']),
    row(['after one tenant (runtime warm), after GC', idle.baseline.rssMb, idle.baseline.heapUsedMb]),
    row([`after all ${idle.tenants}, after GC`, idle.touched.rssMb, idle.touched.heapUsedMb]),
    '',
    `Per idle tenant: ${idle.bytesPerIdleTenant} bytes of RSS, ${idle.heapBytesPerIdleTenant} bytes of heap; ` +
      `${idle.liveDatasources} datasources open, ${idle.openConnections} server connections (budget ${idle.connectionBudget}).`,
    '',
  ];
}

function pgbouncerSection(results: BenchResults): string[] {
  const bouncer = results.phases.pgbouncer;
  if (!bouncer) {
    return [];
  }
  if (!bouncer.measured) {
    return ['## Two gateways behind PgBouncer', '', `Not measured: ${bouncer.reason}.`, ''];
  }
  return [
    `## Two gateways behind PgBouncer (${bouncer.pgbouncer}, transaction mode): ${bouncer.databases} databases, ${bouncer.durationSeconds} s of Zipf traffic`,
    '',
    `Each gateway has a budget of ${bouncer.budgetPerGateway} connections to PgBouncer; PgBouncer opens at most ${bouncer.serverConnections} server connections, ${bouncer.poolSizePerDatabase} per database.`,
    '',
    row(['requests', 'errors', 'req/s (both gateways)', 'p50 / p99 ms', 'peak server connections']),
    row(['---', '---', '---', '---', '---']),
    row([bouncer.requests, bouncer.failures, bouncer.requestsPerSecond, `${bouncer.latencyMs.p50} / ${bouncer.latencyMs.p99}`, `${bouncer.peakServerConnections} / ${bouncer.serverConnections}`]),
    '',
  ];
}

function fleetSection(results: BenchResults): string[] {
  const fleet = results.phases.fleetMigration;
  if (!fleet) {
    return [];
  }
  return [
    `## Fleet migration (phase 6): ${fleet.databases} databases, ${fleet.concurrency} at a time, \`tenantgate migrate\`'s library (run ledger included)`,
    '',
    row(['run', 'wall s', 'per database p50 / p99 ms', 'failures']),
    row(['---', '---', '---', '---']),
    row([`apply \`${fleet.migration}\``, fleet.apply.seconds, `${fleet.apply.perDatabaseMs.p50} / ${fleet.apply.perDatabaseMs.p99}`, fleet.apply.failures]),
    row(['no-op (skipped from the recorded checks)', fleet.noop.seconds, `${fleet.noop.perDatabaseMs.p50} / ${fleet.noop.perDatabaseMs.p99}`, fleet.noop.failures]),
    // Results written before the phase measured these have neither.
    ...(fleet.noopVerified
      ? [row(['no-op with `--verify` (reads every database)', fleet.noopVerified.seconds, `${fleet.noopVerified.perDatabaseMs.p50} / ${fleet.noopVerified.perDatabaseMs.p99}`, fleet.noopVerified.failures])]
      : []),
    '',
    `\`migrate status\` (drift report, reads every database) over the ${fleet.databases} databases: ${fleet.status?.seconds ?? 'n/a'} s, all current: ${fleet.status?.allCurrent ?? 'n/a'}.`,
    ...(fleet.recordedStatus
      ? [`The admin API's drift report from the recorded checks: ${fleet.recordedStatus.seconds} s (${fleet.recordedStatus.current} current).`]
      : []),
    ...(fleet.postgresCpuMsPerDatabase
      ? [
          '',
          `PostgreSQL CPU per database: apply ${fleet.postgresCpuMsPerDatabase.apply ?? 'n/a'} ms, no-op ${fleet.postgresCpuMsPerDatabase.noop ?? 'n/a'} ms, ` +
            `no-op with \`--verify\` ${fleet.postgresCpuMsPerDatabase.noopVerified ?? 'n/a'} ms, status ${fleet.postgresCpuMsPerDatabase.status ?? 'n/a'} ms ` +
            '(a database that is read costs a new server backend: its start-up and its first catalog lookups).',
        ]
      : []),
    '',
    `\`prisma migrate deploy\` per tenant: not measured — ${fleet.prismaMigrateDeploy.skipped}.`,
    '',
  ];
}

function moveSection(results: BenchResults): string[] {
  const move = results.phases.move;
  if (!move) {
    return [];
  }
  return [
    `## Tenant move (phase 7): ${move.rows} rows in ${move.tables} tables, pooled database → new dedicated database`,
    '',
    row(['wall s', 'rows/s', 'read-only ms', 'verified (counts + checksums)', 'neighbour rows before / after', 'batch']),
    row(['---', '---', '---', '---', '---', '---']),
    row([move.seconds, move.rowsPerSecond, move.readOnlyMs, move.verified ? 'yes' : 'NO', `${move.neighbourRows.before} / ${move.neighbourRows.after}`, move.batchSize]),
    '',
    'The wall time covers creating and migrating the new database, the batched copy, the catch-up passes, verification and the switch; ' +
      'a real move also waits `TENANT_CONFIG_TTL_MS` + 1 s inside the read-only window for gateways to see it.',
    '',
  ];
}

function volumeSection(results: BenchResults): string[] {
  const volume = results.phases.volume;
  if (!volume) {
    return [];
  }
  return [
    `## Production-sized tenant (phase 8): ${volume.bigRows.toLocaleString('en-US')} rows against a demo tenant of ${volume.smallRows.toLocaleString('en-US')}`,
    '',
    `\`tenantgate tenants seed\` added the rows in ${volume.seedSeconds} s (${volume.seedRowsPerSecond.toLocaleString('en-US')} rows/s). ` +
      `Each screen: ${volume.requestsPerScreen} sequential requests per tenant through one gateway, alternating between the tenants in two halves.`,
    '',
    row(['screen', 'grown p50 ms', 'grown p95 ms', 'grown bytes', 'demo p50 ms', 'demo bytes', 'p50 ratio']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...volume.screens.map((screen) => row([screen.screen, screen.big.p50Ms, screen.big.p95Ms, screen.big.bytes, screen.small.p50Ms, screen.small.bytes, `${screen.p50Ratio}×`])),
    '',
  ];
}

/** `bench/results/latest.md`: the targets first, then one table per phase, then the analysis. */
export function renderMarkdown(results: BenchResults, analysis: string): string {
  const versions = Object.entries(results.versions).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    `# tenantgate benchmark — ${results.date} (${results.profile} profile, ${results.runSeconds} s)`,
    '',
    `Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, ${results.machine.os}. ` +
      `Server, load generator (autocannon, separate process, loopback) and Postgres share it.`,
    `Versions: ${versions}. Database: ${results.postgres}.`,
    `Fleet: ${results.setup.tenantDatabases} tenant databases and ${results.setup.pooledTenants} pooled tenants, created in ${results.setup.seconds} s.`,
    '',
    `**p50Ratio (10 tenants, even): ${results.p50Ratio ?? 'n/a'}** · throughput ratio: ${results.throughputRatio ?? 'n/a'} · ` +
      `many-tenant throughput ratio: ${results.manyThroughputRatio ?? 'n/a'} · cold p50 / p99: ${results.coldP50Ms ?? 'n/a'} / ${results.coldP99Ms ?? 'n/a'} ms · ` +
      `bytes per idle tenant: ${results.bytesPerIdleTenant ?? 'n/a'} · ` +
      `volume worst p50 ratio / max bytes: ${results.volumeWorstP50Ratio ?? 'n/a'} / ${results.volumeMaxBytes ?? 'n/a'}`,
    '',
    '## Targets',
    '',
    row(['target', 'measured', 'status']),
    row(['---', '---', '---']),
    ...results.targets.map((t) => row([t.target, t.measured, `${t.met ? 'met' : 'missed'}${t.scaledDown ? ' (scaled down)' : ''}`])),
    '',
    ...(results.failures.length
      ? ['## Failed phases', '', ...results.failures.map((failure) => `- **${failure.phase}**: ${failure.error}`), '']
      : []),
    ...warmSection(results),
    ...coldSection(results),
    ...manySection(results),
    ...idleSection(results),
    ...pgbouncerSection(results),
    ...fleetSection(results),
    ...moveSection(results),
    ...volumeSection(results),
    analysis.trim(),
    '',
  ].join('\n');
}
