import { join } from 'node:path';
import { createApp, type App } from '../app.js';
import { type AppConfig } from '../config/app-config.js';
import { createControlPlane } from '../control/control-client.js';
import { type Logger } from '../logging/logger.js';
import { applyMigrations } from '../ops/migrations/migrator.js';
import { createDatabaseIfMissing } from '../ops/provisioning/database-creation.js';
import { controlMigrationsDir } from '../paths.js';
import { ensureDemoFleet, type DemoServer, type DemoTenantSummary } from './demo-fleet.js';
import { startEmbeddedPostgres } from './embedded-server.js';

const CONTROL_DATABASE = 'tenantgate_control';

/** The running demo: the gateway, what was provisioned, and how to stop everything. */
export interface DevEnvironment {
  app: App;
  tenants: DemoTenantSummary[];
  embedded: boolean;
  stop(): Promise<void>;
}

function serverOf(databaseUrl: string): DemoServer {
  const urlFor = (database: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  return { adminUrl: urlFor('postgres'), urlFor };
}

/**
 * `tenantgate dev`: with no DATABASE_URL, starts the embedded Postgres under the data directory
 * (kept across restarts); creates and migrates the control plane, provisions and seeds the demo
 * tenants, and serves. With DATABASE_URL, the demo goes on that server instead.
 */
export async function startDevEnvironment(config: AppConfig, logger: Logger): Promise<DevEnvironment> {
  let stopEmbedded: () => Promise<void> = async () => undefined;
  let controlUrl = config.controlDatabaseUrl;
  let server: DemoServer;
  if (controlUrl) {
    server = serverOf(controlUrl);
    await createDatabaseIfMissing(server.adminUrl, new URL(controlUrl).pathname.slice(1));
  } else {
    const started = Date.now();
    const embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      onLog: (line) => logger.debug({ postgres: line.trim() }, 'embedded postgres'),
    });
    stopEmbedded = () => embedded.stop();
    logger.info({ port: config.embeddedPgPort, ms: Date.now() - started }, 'embedded PostgreSQL is up');
    server = { adminUrl: embedded.adminUrl, urlFor: embedded.urlFor };
    await createDatabaseIfMissing(server.adminUrl, CONTROL_DATABASE);
    controlUrl = server.urlFor(CONTROL_DATABASE);
  }
  try {
    const migrated = await applyMigrations({ databaseUrl: controlUrl, migrationsDir: controlMigrationsDir });
    logger.info({ applied: migrated.applied.length, latest: migrated.latest }, 'control plane migrated');
    const control = createControlPlane(controlUrl, 2);
    let tenants: DemoTenantSummary[];
    try {
      tenants = await ensureDemoFleet(control.client, config.keyRing, server);
    } finally {
      await control.close();
    }
    const app = await createApp({ ...config, controlDatabaseUrl: controlUrl }, { logger });
    return {
      app,
      tenants,
      embedded: !config.controlDatabaseUrl,
      async stop() {
        await app.close();
        await stopEmbedded();
      },
    };
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}
