import { randomBytes } from 'node:crypto';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import { createControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, parseEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { createDatabaseIfMissing } from '../../src/ops/provisioning/database-creation.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { mapWithConcurrency } from '../support/concurrency.js';
import { withClient } from '../support/pg-client.js';
import { type BenchPostgres } from './bench-postgres.js';
import { seedBenchRows, seedShapeOf } from './bench-seed.js';

/** One tenant of the bench fleet, on its own (dedicated) database. */
export interface BenchTenant {
  index: number;
  slug: string;
  tenantId: string;
  database: string;
  /** Prefix of every account, location and event name of this tenant, and how many accounts and events it has. */
  marker: string;
  accounts: number;
  events: number;
  /** Display name of the events' owner (a control-plane user). */
  ownerName: string;
  /** A real access token of the bench user for this tenant. */
  token: string;
}

/** Everything the phases need: the databases, the tenants and the secrets the servers boot with. */
export interface BenchFleet {
  controlUrl: string;
  /** One database holding the first `sharedTenants` tenants' rows side by side (the baseline). */
  sharedUrl: string;
  sharedTenants: number;
  tenants: BenchTenant[];
  /** Tenants sharing one POOLED datasource, the same sizes as the first dedicated tenants. */
  pooledTenants: BenchTenant[];
  /**
   * The dedicated tenants plus more, each with a datasource row of its own on one of the same
   * databases, up to `idleTenants` in all: to the gateway each is one more datasource.
   */
  idleTenants: BenchTenant[];
  /** Environment every server process starts with (NODE_ENV=production, keys, control plane). */
  serverEnv: Record<string, string>;
  /** Seconds spent creating the fleet, for the results file. */
  setupSeconds: number;
}

/** Options of {@link createBenchFleet}. */
export interface BenchFleetOptions {
  tenants: number;
  /** How many of the first tenants also live in the shared baseline database and on the pooled datasource. */
  sharedTenants: number;
  /** `pg` pool size recorded on each datasource. */
  poolMax: number;
  /** Tenants registered in all for the idle-memory phase (at least `tenants`). */
  idleTenants: number;
  onProgress?: (message: string) => void;
}

const TEMPLATE = 'bench_template';

/**
 * Creates the control plane and `tenants` migrated tenant databases (copies of one migrated
 * template), provisions each through the product's own `provisionTenant` (URL sealed, tenant row,
 * schema version), seeds their accounts and events (see `bench-seed.ts`), puts `sharedTenants` more tenants of the same sizes on one
 * POOLED datasource, fills the shared baseline database with the first tenants' rows, and signs one
 * access token per tenant for a bench user who is a member of all of them.
 */
export async function createBenchFleet(server: BenchPostgres, options: BenchFleetOptions): Promise<BenchFleet> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const keyId = `kbench${Date.now()}`;
  const encryptionKey = `${keyId}:${randomBytes(32).toString('base64')}`;
  const jwtSecret = randomBytes(48).toString('base64url');
  const keyRing = createKeyRing(parseEncryptionKey(encryptionKey, 'bench key'), []);

  await createDatabaseIfMissing(server.adminUrl, 'bench_control');
  const controlUrl = server.urlFor('bench_control');
  await applyMigrations({ databaseUrl: controlUrl, migrationsDir: controlMigrationsDir });
  await createDatabaseIfMissing(server.adminUrl, TEMPLATE);
  await applyMigrations({ databaseUrl: server.urlFor(TEMPLATE), migrationsDir: tenantMigrationsDir });

  const control = createControlPlane(controlUrl, 4);
  const tokens = new AccessTokens({ secret: Buffer.from(jwtSecret), issuer: 'tenantgate', audience: 'tenantgate-api', ttlSeconds: 6 * 3600 });
  try {
    const user = await upsertUser(control.client, { email: 'bench@tenantgate.test', displayName: 'Bench', passwordHash: 'unused' });
    const provision = async (index: number, slug: string, database: string, kind: 'DEDICATED' | 'POOLED', datasourceName?: string): Promise<BenchTenant> => {
      const url = server.urlFor(database);
      const datasource = { name: datasourceName ?? (kind === 'POOLED' ? database : `${database}-dedicated`), kind, url, poolMax: options.poolMax };
      const { tenant } = await provisionTenant({ control: control.client, keyRing }, { slug, name: `Bench tenant ${slug}`, datasource });
      const shape = seedShapeOf(index);
      await withClient(url, (client) => seedBenchRows(client, tenant.id, shape, user.id));
      await addMember(control.client, { userId: user.id, tenantId: tenant.id, role: 'MEMBER' });
      const { token } = await tokens.sign({ userId: user.id, tenantId: tenant.id, role: 'MEMBER', isPlatformAdmin: false });
      return { index, slug, tenantId: tenant.id, database, marker: shape.marker, accounts: shape.accounts, events: shape.events, ownerName: user.displayName, token };
    };
    const indexes = Array.from({ length: options.tenants }, (_, i) => i + 1);
    let done = 0;
    const tenants = await mapWithConcurrency(indexes, 4, async (index) => {
      const database = `bench_t${String(index).padStart(4, '0')}`;
      await withClient(server.adminUrl, (client) => client.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE}`));
      const tenant = await provision(index, `bench-${String(index).padStart(4, '0')}`, database, 'DEDICATED');
      done += 1;
      if (done % 50 === 0 || done === options.tenants) {
        progress(`fleet: ${done}/${options.tenants} tenant databases ready`);
      }
      return tenant;
    });
    const extra = Array.from({ length: Math.max(0, options.idleTenants - options.tenants) }, (_, i) => options.tenants + i + 1);
    const extraTenants = await mapWithConcurrency(extra, 4, (index) => {
      const host = tenants[(index - 1) % tenants.length] as BenchTenant;
      return provision(index, `bench-i${String(index).padStart(4, '0')}`, host.database, 'DEDICATED', `${host.database}-ds${index}`);
    });
    if (extra.length > 0) {
      progress(`fleet: ${tenants.length + extraTenants.length} tenants registered for the idle-memory phase`);
    }
    await withClient(server.adminUrl, (client) => client.query(`CREATE DATABASE bench_pooled TEMPLATE ${TEMPLATE}`));
    const pooledTenants = await mapWithConcurrency(indexes.slice(0, options.sharedTenants), 4, (index) =>
      provision(index, `bench-p${String(index).padStart(4, '0')}`, 'bench_pooled', 'POOLED'),
    );

    await withClient(server.adminUrl, (client) => client.query(`CREATE DATABASE bench_shared TEMPLATE ${TEMPLATE}`));
    const sharedUrl = server.urlFor('bench_shared');
    await withClient(sharedUrl, async (client) => {
      for (const tenant of tenants.slice(0, options.sharedTenants)) {
        await seedBenchRows(client, tenant.tenantId, seedShapeOf(tenant.index), user.id);
      }
    });
    // Statistics and visibility maps on every database before any phase: without them the first
    // phases would measure plans made without statistics and autovacuum catching up in hundreds of
    // databases, and the dedicated databases (the gateway's) would pay more of it than the shared one.
    const databases = [...new Set(tenants.map((tenant) => tenant.database)), 'bench_pooled', 'bench_shared'];
    await mapWithConcurrency(databases, 2, (database) => withClient(server.urlFor(database), (client) => client.query('VACUUM (ANALYZE)')));
    progress(`fleet: ${databases.length} databases vacuumed and analyzed`);
    return {
      controlUrl,
      sharedUrl,
      sharedTenants: options.sharedTenants,
      tenants,
      pooledTenants,
      idleTenants: [...tenants, ...extraTenants],
      serverEnv: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: controlUrl,
        TENANTGATE_ENCRYPTION_KEY: encryptionKey,
        JWT_SECRET: jwtSecret,
      },
      setupSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await control.close();
  }
}
