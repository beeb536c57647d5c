import { type Distribution } from './load/tenant-picker.js';

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
    /** Unmeasured load on each server once before its first round, so V8 has optimised its request path. */
    serverWarmupSeconds: number;
    durationSeconds: number;
    /** `pg` pool of the floor, the baseline and each tenant datasource alike (the product's default, 5). */
    poolMax: number;
    /** Traffic shapes the events screen is measured on (after the accounts page's). */
    eventsPage: { tenants: number; distribution: Distribution }[];
  };
  cold: { tenants: number; concurrentRequests: number };
  many: {
    databases: number;
    connectionBudget: number;
    /** Pool size set on every datasource for this phase: one connection lets the most clients share the budget. */
    poolMax: number;
    connections: number;
    durationSeconds: number;
    /** Node flags of the gateway process (the V8 heap cap the README recommends for large fleets). */
    gatewayNodeOptions: string;
  };
  fleet: { databases: number; concurrency: number };
  /** Registered tenants for the idle-memory phase, each with its own datasource row (several per database). */
  idle: { tenants: number };
  /** Two gateways behind PgBouncer, on the many-tenant phase's databases and budget. */
  pgbouncer: { durationSeconds: number };
  /** One tenant moved out of a pooled database (the target names 100k rows, so both profiles use it). */
  move: { rows: number; batchSize: number };
  /** The grown tenant's rows (added by `tenants seed`) and the measured requests per screen and tenant. */
  volume: { rows: number; requests: number };
}

const WARM_TENANT_COUNTS = [1, 10, 50];

/** The events screen, on the headline traffic and on skewed traffic over the most tenants. */
const EVENTS_PAGE_SHAPES: BenchProfile['warm']['eventsPage'] = [
  { tenants: 10, distribution: 'even' },
  { tenants: 50, distribution: 'zipf' },
];

/**
 * Without a cap V8 sizes the heap from the machine's memory (about 4 GB here) and lets the garbage
 * of churned Prisma clients pile up; capped, it collects sooner and RSS levels off lower.
 */
const FLEET_NODE_OPTIONS = '--max-old-space-size=384';

export const QUICK_PROFILE: BenchProfile = {
  name: 'quick',
  fleetTenants: 200,
  warm: { tenantCounts: WARM_TENANT_COUNTS, connections: 16, rounds: 1, warmupSeconds: 0.5, serverWarmupSeconds: 2, durationSeconds: 3, poolMax: 5, eventsPage: EVENTS_PAGE_SHAPES },
  cold: { tenants: 100, concurrentRequests: 100 },
  many: { databases: 200, connectionBudget: 60, poolMax: 1, connections: 16, durationSeconds: 30, gatewayNodeOptions: FLEET_NODE_OPTIONS },
  fleet: { databases: 200, concurrency: 8 },
  idle: { tenants: 400 },
  pgbouncer: { durationSeconds: 15 },
  move: { rows: 100_000, batchSize: 2000 },
  volume: { rows: 120_000, requests: 20 },
};

export const FULL_PROFILE: BenchProfile = {
  name: 'full',
  fleetTenants: 500,
  warm: { tenantCounts: WARM_TENANT_COUNTS, connections: 16, rounds: 3, warmupSeconds: 1, serverWarmupSeconds: 10, durationSeconds: 8, poolMax: 5, eventsPage: EVENTS_PAGE_SHAPES },
  cold: { tenants: 200, concurrentRequests: 100 },
  many: { databases: 500, connectionBudget: 60, poolMax: 1, connections: 16, durationSeconds: 180, gatewayNodeOptions: FLEET_NODE_OPTIONS },
  fleet: { databases: 500, concurrency: 8 },
  idle: { tenants: 2000 },
  pgbouncer: { durationSeconds: 60 },
  move: { rows: 100_000, batchSize: 2000 },
  volume: { rows: 1_200_000, requests: 40 },
};
