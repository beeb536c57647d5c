import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createControlPlane } from '../../src/control/control-client.js';
import { PrismaClient } from '../../src/generated/tenant/client.js';
import { DatasourceRegistry } from '../../src/tenancy/datasource-registry.js';
import { type ClientBuildTimings } from '../../src/tenancy/tenancy-observer.js';
import { type ServerKind, type ServerReply, type ServerRequest, type ServerStats } from './server-protocol.js';
import { SharedDatabaseTenants } from './shared-database-tenants.js';
import { startRawPgServer } from './raw-pg-server.js';

/**
 * One server under test, in its own process so its RSS and event-loop delay are its own. Started
 * by the harness with the server kind as argument and the configuration in the environment; it
 * answers `stats` and `stop` over the IPC channel.
 */
const kind = process.argv[2] as ServerKind;
const config = loadConfig(process.env, () => undefined);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const lookups: { tenantId: string; ms: number }[] = [];
const builds: ClientBuildTimings[] = [];
const sharedPoolMax = Number(process.env.BENCH_SHARED_POOL_MAX ?? 5);

function send(reply: ServerReply): void {
  process.send?.(reply);
}

async function start() {
  if (kind === 'raw-pg') {
    const tokens = new AccessTokens({ secret: config.auth.jwtSecret, issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 60 });
    return { ...(await startRawPgServer({ databaseUrl: requireEnv('BENCH_SHARED_URL'), poolMax: sharedPoolMax, tokens })), pool: null };
  }
  if (kind === 'single-db') {
    const pool = new pg.Pool({ connectionString: requireEnv('BENCH_SHARED_URL'), max: sharedPoolMax, application_name: 'tenantgate-bench-single' });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const control = createControlPlane(requireEnv('DATABASE_URL'), 2);
    const registry = new DatasourceRegistry({ control: control.client, ttlMs: config.tenancy.configTtlMs });
    const app = await createApp(config, { tenantAccess: new SharedDatabaseTenants(prisma, registry) });
    return {
      url: app.url,
      pool: null,
      async close() {
        await app.close();
        await control.close();
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const app = await createApp(config, {
    observer: {
      routeLookedUp: (tenantId, ms) => lookups.push({ tenantId, ms }),
      clientBuilt: (timings) => builds.push(timings),
    },
  });
  return { url: app.url, pool: app.pool, close: () => app.close() };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is required for the ${kind} server`);
  }
  return value;
}

function stats(pool: Awaited<ReturnType<typeof start>>['pool']): ServerStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    pool: pool?.stats() ?? null,
    lookups: lookups.splice(0),
    builds: builds.splice(0),
  };
}

const server = await start();
process.on('message', (message: ServerRequest) => {
  if (message.type === 'stats') {
    if (message.gc) {
      globalThis.gc?.();
    }
    send({ type: 'stats', id: message.id, stats: stats(server.pool) });
    if (message.resetLoopDelay) {
      loopDelay.reset();
    }
  } else if (message.type === 'stop') {
    void server.close().finally(() => process.exit(0));
  }
});
// The harness is gone (interrupted or crashed): do not outlive it.
process.once('disconnect', () => void server.close().finally(() => process.exit(0)));
send({ type: 'ready', url: server.url });
