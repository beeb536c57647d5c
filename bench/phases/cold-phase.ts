import { type BenchProfile } from '../bench-profile.js';
import { primeTenants, sendBenchRequest } from '../load/prime.js';
import { startServer } from '../servers/server-handle.js';
import { type BenchFleet } from '../setup/bench-fleet.js';
import { setDedicatedPoolSizes } from '../setup/datasource-pools.js';
import { summarize, type LatencySummary } from '../support/percentiles.js';

const COLD_POOL_MAX = 2;

/** One tenant's first request, split into the steps of its activation (ms). */
export interface Activation {
  lookupMs: number;
  decryptMs: number;
  constructMs: number;
  connectMs: number;
  /** What is left of the request: token and membership checks, GraphQL, the first business queries. */
  restMs: number;
  totalMs: number;
}

/** Phase 4: tenants activated one after another, then a burst of concurrent requests to one cold tenant. */
export interface ColdResults {
  tenants: number;
  /** p50/p99 of each step over every activation. */
  steps: Record<keyof Activation, LatencySummary>;
  concurrent: { requests: number; clientsBuilt: number; failures: number; latencyMs: LatencySummary };
}

/**
 * Starts a fresh gateway, warms the process itself on a tenant outside the measured set (JIT and
 * schema, not tenant state), then activates `cold.tenants` tenants one at a time and matches each
 * request with the route lookup and client build the gateway reported for that tenant.
 */
export async function runColdPhase(fleet: BenchFleet, profile: BenchProfile, log: (message: string) => void): Promise<ColdResults> {
  const { tenants: count, concurrentRequests } = profile.cold;
  const measured = fleet.tenants.slice(0, count);
  const burstTenant = fleet.tenants[count];
  const processWarmup = fleet.pooledTenants[0];
  if (!burstTenant || !processWarmup) {
    throw new Error(`the cold phase needs ${count + 1} dedicated tenants and one pooled tenant`);
  }
  // At most two connections per datasource (a first request opens one, a second only if a statement
  // waits past TENANT_POOL_GROW_AFTER_MS). With room in the budget for all of them every activated
  // client stays cached, so this phase times activation, not eviction.
  await setDedicatedPoolSizes(fleet.controlUrl, COLD_POOL_MAX);
  const gateway = await startServer('gateway', {
    ...fleet.serverEnv,
    TENANT_CLIENT_MAX: String(count + 10),
    TENANT_CONNECTION_BUDGET: String((count + 10) * COLD_POOL_MAX),
  });
  try {
    for (let i = 0; i < 20; i += 1) {
      await primeTenants(gateway.url, [processWarmup]);
    }
    await gateway.stats();
    const activations: Activation[] = [];
    for (const tenant of measured) {
      const totalMs = await sendBenchRequest(gateway.url, tenant);
      const stats = await gateway.stats();
      const lookup = stats.lookups.find((entry) => entry.tenantId === tenant.tenantId);
      const build = stats.builds.find((entry) => entry.tenantId === tenant.tenantId);
      if (!lookup || !build) {
        throw new Error(`tenant ${tenant.slug} was served without a route lookup and a client build: it was not cold`);
      }
      const parts = { lookupMs: lookup.ms, decryptMs: build.decryptMs, constructMs: build.constructMs, connectMs: build.connectMs };
      const known = Object.values(parts).reduce((sum, ms) => sum + ms, 0);
      activations.push({ ...parts, restMs: Math.max(0, totalMs - known), totalMs });
    }
    const steps = Object.fromEntries(
      (Object.keys(activations[0] ?? {}) as (keyof Activation)[]).map((step) => [step, summarize(activations.map((activation) => activation[step]))]),
    ) as Record<keyof Activation, LatencySummary>;
    log(`  cold activation of ${count} tenants: p50 ${steps.totalMs.p50} ms, p99 ${steps.totalMs.p99} ms`);

    const before = (await gateway.stats()).pool?.builds ?? 0;
    const outcomes = await Promise.allSettled(Array.from({ length: concurrentRequests }, () => sendBenchRequest(gateway.url, burstTenant)));
    const after = (await gateway.stats()).pool?.builds ?? 0;
    const latencies = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const concurrent = {
      requests: concurrentRequests,
      clientsBuilt: after - before,
      failures: concurrentRequests - latencies.length,
      latencyMs: summarize(latencies),
    };
    log(`  ${concurrentRequests} concurrent requests to one cold tenant: ${concurrent.clientsBuilt} client built, ${concurrent.failures} failures`);
    if (concurrent.failures > 0 || concurrent.clientsBuilt !== 1) {
      const reason = outcomes.find((outcome) => outcome.status === 'rejected');
      throw new Error(`concurrent cold burst: ${concurrent.clientsBuilt} builds, ${concurrent.failures} failures (${String(reason?.reason ?? '')})`);
    }
    return { tenants: count, steps, concurrent };
  } finally {
    await gateway.stop();
  }
}
