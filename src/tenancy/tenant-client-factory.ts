import { PrismaPg } from '@prisma/adapter-pg';
import { type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaClient } from '../generated/tenant/client.js';
import { DatasourcePool, type DatasourcePoolOptions } from './datasource-pool.js';
import { installScramKeyCache } from './scram-key-cache.js';

/** One open datasource: its budgeted pool and the driver adapter the shared runtime sends statements to. */
export interface DatasourceConnection {
  pool: pg.Pool;
  adapter: SqlDriverAdapter;
  close(): Promise<void>;
}

/** A freshly opened datasource and how long construction and the first connections took (ms). */
export interface OpenedDatasource extends DatasourceConnection {
  timings: { constructMs: number; connectMs: number };
}

/**
 * Opens a datasource's budgeted pool and its first connection, so a bad URL fails here (reported as
 * TENANT_UNAVAILABLE) rather than in a resolver. A connection that opened has proved the host, the
 * credentials and the database, so no probe query follows: the request's own queries are the next
 * round trip. One connection, not one per statement the first request runs at once: those queue
 * for it (see `DatasourcePool`), and the second runs on a backend whose catalog cache the first
 * has just filled, instead of starting a backend of its own.
 */
export async function openDatasource(options: DatasourcePoolOptions): Promise<OpenedDatasource> {
  const started = performance.now();
  // Connections reclaimed under the budget reopen often: derive each role's SCRAM key once.
  installScramKeyCache();
  const pool = new DatasourcePool(options);
  const adapter = await new PrismaPg(pool).connect();
  const close = async () => {
    await adapter.dispose().catch(() => undefined);
    await pool.end().catch(() => undefined);
  };
  const constructed = performance.now();
  try {
    (await pool.connect()).release();
  } catch (error) {
    await close();
    throw error;
  }
  const timings = { constructMs: constructed - started, connectMs: performance.now() - constructed };
  return { pool, adapter, timings, close };
}

/** A standalone tenant-schema client on one database, with the `pg` pool it owns. */
export interface StandaloneTenantClient {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A PrismaClient of its own over one database, outside the gateway's budget: for seeding, ops
 * and tests that plant or check rows behind the gateway. The gateway's request path never uses it.
 */
export async function connectDatasource(options: { url: string; poolMax: number; connectTimeoutMs: number; applicationName: string }): Promise<StandaloneTenantClient> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs,
    application_name: options.applicationName,
  });
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const close = async () => {
    await prisma.$disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
  };
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
  } catch (error) {
    await close();
    throw error;
  }
  return { prisma, pool, close };
}
