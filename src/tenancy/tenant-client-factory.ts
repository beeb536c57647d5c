import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/tenant/client.js';

/** Connections opened while building a client, so its first request waits for none. */
const WARM_CONNECTIONS = 2;

/** A connected tenant-schema client for one datasource, with the `pg` pool it owns. */
export interface DatasourceClient {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** A freshly connected client and how long construction, the first connection and the probe took (ms). */
export interface ConnectedDatasource extends DatasourceClient {
  timings: { constructMs: number; connectMs: number; probeMs: number };
}

/** What it takes to open one datasource. The URL is decrypted just before this call. */
export interface DatasourceConnectOptions {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  /** Shows in pg_stat_activity so operators can tell which datasource a connection serves. */
  applicationName: string;
}

/**
 * Builds a PrismaClient over its own bounded `pg` pool and proves the connection with one query,
 * so a bad URL fails here (and is reported as TENANT_UNAVAILABLE) rather than in a resolver.
 */
export async function connectDatasource(options: DatasourceConnectOptions): Promise<ConnectedDatasource> {
  const started = performance.now();
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName,
  });
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const close = async () => {
    await prisma.$disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
  };
  const constructed = performance.now();
  let connected: number;
  try {
    // Connecting before the probe separates network and authentication time from Prisma's first
    // query. A list field runs its page and its count at once, so the first request needs two
    // connections: opening them together costs one connection's wall time instead of two.
    const opened = await Promise.all(Array.from({ length: Math.min(WARM_CONNECTIONS, options.poolMax) }, () => pool.connect()));
    opened.forEach((connection) => connection.release());
    connected = performance.now();
    await prisma.$queryRawUnsafe('SELECT 1');
  } catch (error) {
    await close();
    throw error;
  }
  const timings = { constructMs: constructed - started, connectMs: connected - constructed, probeMs: performance.now() - connected };
  return { prisma, pool, timings, close };
}
