import { type BenchProfile } from '../bench-profile.js';
import { sendBenchRequest } from '../load/prime.js';
import { startServer } from '../servers/server-handle.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { setDedicatedPoolSizes } from '../setup/datasource-pools.js';
import { mapWithConcurrency } from '../support/concurrency.js';
import { megabytes } from './load-summary.js';

/** Phase 6: what a registered, once-touched, now idle tenant datasource costs the gateway in memory. */
export interface IdleTenantsResults {
  /** Registered tenants, each on its own datasource (several datasource rows per database). */
  tenants: number;
  databases: number;
  connectionBudget: number;
  /** After one tenant was served (the shared runtime is warm), after a full GC. */
  baseline: { rssMb: number; heapUsedMb: number };
  /** After every tenant was served once and the gateway was left idle, after a full GC. */
  touched: { rssMb: number; heapUsedMb: number };
  liveDatasources: number;
  openConnections: number;
  /** (RSS after − RSS before) / tenants: what one more idle tenant costs, allocator slack included. */
  bytesPerIdleTenant: number;
  /** The same from the JS heap alone. */
  heapBytesPerIdleTenant: number;
}

/**
 * Starts a gateway with the fleet's connection budget and a pool of one per datasource, serves
 * one tenant, then every registered tenant once (checked responses), and compares memory after a
 * full GC. Connections beyond the budget are closed least recently used first, so most datasources
 * end up with none: an idle tenant costs its pool object and its scoped client.
 */
export async function runIdleTenantsPhase(fleet: BenchFleet, profile: BenchProfile, log: (message: string) => void): Promise<IdleTenantsResults> {
  const { connectionBudget } = profile.many;
  const tenants = fleet.idleTenants;
  await setDedicatedPoolSizes(fleet.controlUrl, 1);
  const gateway = await startServer('gateway', {
    ...fleet.serverEnv,
    TENANT_CONNECTION_BUDGET: String(connectionBudget),
    NODE_OPTIONS: `${profile.many.gatewayNodeOptions} --expose-gc`,
  });
  try {
    const [first] = tenants;
    if (!first) {
      throw new Error('the fleet has no tenants');
    }
    await sendBenchRequest(gateway.url, first);
    const before = await gateway.stats({ gc: true });
    log(`  serving ${tenants.length} registered tenants once each (${new Set(tenants.map((t) => t.database)).size} databases)…`);
    await mapWithConcurrency(tenants, 8, (tenant) => sendBenchRequest(gateway.url, tenant));
    const after = await gateway.stats({ gc: true });
    const perTenant = (bytesAfter: number, bytesBefore: number) => Math.round((bytesAfter - bytesBefore) / Math.max(1, tenants.length - 1));
    const results: IdleTenantsResults = {
      tenants: tenants.length,
      databases: new Set(tenants.map((tenant) => tenant.database)).size,
      connectionBudget,
      baseline: { rssMb: megabytes(before.rssBytes), heapUsedMb: megabytes(before.heapUsedBytes) },
      touched: { rssMb: megabytes(after.rssBytes), heapUsedMb: megabytes(after.heapUsedBytes) },
      liveDatasources: after.pool?.liveDatasources ?? 0,
      openConnections: after.pool?.openConnections ?? 0,
      bytesPerIdleTenant: perTenant(after.rssBytes, before.rssBytes),
      heapBytesPerIdleTenant: perTenant(after.heapUsedBytes, before.heapUsedBytes),
    };
    log(
      `  RSS ${results.baseline.rssMb} → ${results.touched.rssMb} MB, heap ${results.baseline.heapUsedMb} → ${results.touched.heapUsedMb} MB; ` +
        `${results.bytesPerIdleTenant} bytes RSS (${results.heapBytesPerIdleTenant} heap) per idle tenant, ${results.liveDatasources} datasources open, ${results.openConnections} connections`,
    );
    return results;
  } finally {
    await gateway.stop();
  }
}
