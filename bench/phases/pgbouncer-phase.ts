import { createKeyRing, parseEncryptionKey } from '../../src/crypto/key-ring.js';
import { open, seal } from '../../src/crypto/secret-box.js';
import { type BenchProfile } from '../bench-profile.js';
import { runLoad } from '../load/load-handle.js';
import { startServer } from '../servers/server-handle.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { setDedicatedPoolSizes } from '../setup/datasource-pools.js';
import { findPgBouncer, startPgBouncer } from '../setup/pgbouncer.js';
import { withClient } from '../support/pg-client.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';

/** Two gateway replicas behind one PgBouncer (transaction mode), or why that was not measured. */
export type PgBouncerResults =
  | { measured: false; reason: string }
  | {
      measured: true;
      pgbouncer: string;
      databases: number;
      gateways: number;
      /** Each replica's own TENANT_CONNECTION_BUDGET (its connections to PgBouncer). */
      budgetPerGateway: number;
      /** Server connections PgBouncer may open in all, and per database. */
      serverConnections: number;
      poolSizePerDatabase: number;
      durationSeconds: number;
      requests: number;
      requestsPerSecond: number;
      latencyMs: LatencySummary;
      failures: number;
      /** Most connections Postgres saw on the tenant databases while the load ran. */
      peakServerConnections: number;
    };

/** Client connections PgBouncer accepts beyond the replicas' budgets, for connections still closing. */
const CLIENT_CONNECTION_SLACK = 10;

type Row = { id: string; encrypted_url: string; key_id: string };

/** Points the first `databases` dedicated datasources at PgBouncer; returns the rows to restore. */
async function routeThrough(fleet: BenchFleet, databases: number, rewrite: (url: string) => string): Promise<Row[]> {
  const keyRing = createKeyRing(parseEncryptionKey(fleet.serverEnv.TENANTGATE_ENCRYPTION_KEY ?? '', 'bench key'), []);
  const names = fleet.tenants.slice(0, databases).map((tenant) => `${tenant.database}-dedicated`);
  return withClient(fleet.controlUrl, async (client) => {
    const { rows } = await client.query<Row>('SELECT id, encrypted_url, key_id FROM datasources WHERE name = ANY($1)', [names]);
    for (const row of rows) {
      const url = rewrite(open(keyRing, row.encrypted_url, row.id));
      await client.query('UPDATE datasources SET encrypted_url = $2, key_id = $3 WHERE id = $1', [row.id, seal(keyRing.active, url, row.id), keyRing.active.id]);
    }
    return rows;
  });
}

async function restore(fleet: BenchFleet, rows: Row[]): Promise<void> {
  await withClient(fleet.controlUrl, async (client) => {
    for (const row of rows) {
      await client.query('UPDATE datasources SET encrypted_url = $2, key_id = $3 WHERE id = $1', [row.id, row.encrypted_url, row.key_id]);
    }
  });
}

/**
 * Phase 7: the many-tenant traffic over two gateway processes whose tenant datasources point at
 * one PgBouncer in transaction mode, each replica with its own budget of connections to PgBouncer,
 * and PgBouncer holding the server connections under one cap. Reports "not measured" with the
 * reason when the `pgbouncer` binary (Debian package `pgbouncer`) is not installed.
 */
export async function runPgBouncerPhase(postgres: BenchPostgres, fleet: BenchFleet, profile: BenchProfile, log: (message: string) => void): Promise<PgBouncerResults> {
  const binary = findPgBouncer();
  if (!binary) {
    const reason = 'pgbouncer not found (install the Debian package: apt-get install pgbouncer)';
    log(`  not measured: ${reason}`);
    return { measured: false, reason };
  }
  const { databases, connectionBudget, connections, gatewayNodeOptions } = profile.many;
  const durationSeconds = profile.pgbouncer.durationSeconds;
  const gateways = 2;
  const poolSizePerDatabase = 1;
  const bouncer = await startPgBouncer(binary, {
    serverUrl: postgres.adminUrl,
    serverConnections: connectionBudget,
    poolSizePerDatabase,
    // Each replica's budget bounds its connections to PgBouncer; the rest is room for closes in flight.
    clientConnections: gateways * connectionBudget + CLIENT_CONNECTION_SLACK,
  });
  const saved = await routeThrough(fleet, databases, (url) => bouncer.urlThrough(url));
  const tenants = fleet.tenants.slice(0, databases);
  try {
    await setDedicatedPoolSizes(fleet.controlUrl, 2);
    const servers = await Promise.all(
      Array.from({ length: gateways }, () =>
        startServer('gateway', { ...fleet.serverEnv, TENANT_CONNECTION_BUDGET: String(connectionBudget), NODE_OPTIONS: gatewayNodeOptions }),
      ),
    );
    let peakServerConnections = 0;
    let sampling = true;
    const sampler = withClient(postgres.adminUrl, async (client) => {
      while (sampling) {
        const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname LIKE 'bench_t%'");
        peakServerConnections = Math.max(peakServerConnections, rows[0]?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    try {
      log(`  ${databases} databases, ${gateways} gateways × budget ${connectionBudget} → PgBouncer (${bouncer.version}, transaction mode, ≤ ${connectionBudget} server connections)…`);
      const loads = await Promise.all(
        servers.map((server, i) =>
          runLoad({ url: server.url, tenants, distribution: 'zipf', connections: Math.ceil(connections / gateways), durationSeconds, warmupSeconds: 0, seed: 21 + i }),
        ),
      );
      const requests = loads.reduce((sum, load) => sum + load.requests, 0);
      const results: PgBouncerResults = {
        measured: true,
        pgbouncer: bouncer.version,
        databases,
        gateways,
        budgetPerGateway: connectionBudget,
        serverConnections: connectionBudget,
        poolSizePerDatabase,
        durationSeconds,
        requests,
        requestsPerSecond: Math.round((requests / durationSeconds) * 10) / 10,
        latencyMs: summarize(loads.flatMap((load) => load.latencies)),
        failures: loads.reduce((sum, load) => sum + load.failures + load.transportErrors, 0),
        peakServerConnections,
      };
      log(
        `  ${requests} requests, ${results.failures} failures, ${results.requestsPerSecond} req/s, p50 ${results.latencyMs.p50} ms, p99 ${results.latencyMs.p99} ms, ` +
          `peak ${peakServerConnections} server connections`,
      );
      return results;
    } finally {
      sampling = false;
      await sampler;
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await restore(fleet, saved);
    await bouncer.stop();
  }
}
