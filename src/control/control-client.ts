import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/control/client.js';

export { type PrismaClient as ControlClient } from '../generated/control/client.js';

/** The control-plane client plus the pool behind it, so shutdown can close both. */
export interface ControlPlane {
  client: PrismaClient;
  /** The pool behind the client, for what talks SQL directly (the rate limits' counters). */
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Time allowed to open a control-plane connection, so an unreachable control plane fails fast. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects to the control-plane database (users, tenants, datasources, memberships, audit).
 * `poolMax` bounds its `pg` pool; every replica holds one such pool.
 */
export function createControlPlane(databaseUrl: string, poolMax: number): ControlPlane {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, application_name: 'tenantgate-control', connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    client,
    pool,
    async close() {
      await client.$disconnect();
      await pool.end();
    },
  };
}
