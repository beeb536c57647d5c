/** How big and how long each phase runs; `--quick` keeps the whole run under three minutes. */
export interface BenchProfile {
  name: 'quick' | 'full';
  /** Tenant databases created for the run (the cold, many-tenant and migration phases use them). */
  fleetTenants: number;
  warm: {
    tenantCounts: number[];
    connections: number;
    /** Interleaved rounds per contender; their response times are pooled. */
    rounds: number;
    warmupSeconds: number;
    durationSeconds: number;
    /** `pg` pool of the floor, the baseline and each tenant datasource alike (the product's default, 5). */
    poolMax: number;
  };
  cold: { tenants: number; concurrentRequests: number };
  many: { databases: number; connectionBudget: number; poolMax: number; connections: number; durationSeconds: number };
  fleet: { databases: number; concurrency: number };
}

const WARM_TENANT_COUNTS = [1, 10, 50];

export const QUICK_PROFILE: BenchProfile = {
  name: 'quick',
  fleetTenants: 200,
  warm: { tenantCounts: WARM_TENANT_COUNTS, connections: 16, rounds: 1, warmupSeconds: 0.5, durationSeconds: 3, poolMax: 5 },
  cold: { tenants: 100, concurrentRequests: 100 },
  many: { databases: 200, connectionBudget: 60, poolMax: 2, connections: 16, durationSeconds: 30 },
  fleet: { databases: 200, concurrency: 8 },
};

export const FULL_PROFILE: BenchProfile = {
  name: 'full',
  fleetTenants: 500,
  warm: { tenantCounts: WARM_TENANT_COUNTS, connections: 16, rounds: 3, warmupSeconds: 1, durationSeconds: 8, poolMax: 5 },
  cold: { tenants: 200, concurrentRequests: 100 },
  many: { databases: 500, connectionBudget: 60, poolMax: 2, connections: 16, durationSeconds: 180 },
  fleet: { databases: 500, concurrency: 8 },
};
