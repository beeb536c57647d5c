import { createControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { moveTenant } from '../../src/ops/move/tenant-move.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { type BenchProfile } from '../bench-profile.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { withClient } from '../support/pg-client.js';

/** Phase 7: one tenant with `rows` rows moves out of a pooled database into a new dedicated one. */
export interface MoveResults {
  rows: number;
  tables: number;
  seconds: number;
  rowsPerSecond: number;
  /** How long the tenant refused writes (final catch-up, verification, switch), without the settle wait. */
  readOnlyMs: number;
  /** Every table's count and checksum equal on both sides. */
  verified: boolean;
  /** The pooled neighbour's rows, counted before and after. */
  neighbourRows: { before: number; after: number };
  batchSize: number;
}

const DATABASES = ['bench_move_control', 'bench_move_pooled', 'bench_move_target'];

/**
 * Rows of four tables, a quarter each, with real references between them (accounts, contacts,
 * the links between them, notes on accounts), so the foreign-key order and the same-tenant triggers
 * are exercised as in a real tenant.
 */
function seedSql(perTable: number): string {
  return `
    INSERT INTO accounts (id, tenant_id, name, industry, annual_revenue, updated_at)
      SELECT md5($1 || 'a' || i)::uuid, $1::uuid, 'Account ' || i, 'Industry ' || (i % 17), (i * 13.37)::numeric(14,2), now() FROM generate_series(1, ${perTable}) i;
    INSERT INTO contacts (id, tenant_id, first_name, last_name, email, updated_at)
      SELECT md5($1 || 'c' || i)::uuid, $1::uuid, 'First' || i, 'Last' || i, 'c' || i || '@bench.test', now() FROM generate_series(1, ${perTable}) i;
    INSERT INTO account_contacts (id, tenant_id, account_id, contact_id, role)
      SELECT md5($1 || 'ac' || i)::uuid, $1::uuid, md5($1 || 'a' || i)::uuid, md5($1 || 'c' || i)::uuid, 'member' FROM generate_series(1, ${perTable}) i;
    INSERT INTO notes (id, tenant_id, body, account_id, updated_at)
      SELECT md5($1 || 'n' || i)::uuid, $1::uuid, repeat('note text ', 8) || i, md5($1 || 'a' || i)::uuid, now() FROM generate_series(1, ${perTable}) i;`;
}

async function seed(url: string, tenantId: string, rows: number): Promise<void> {
  const perTable = Math.ceil(rows / 4);
  await withClient(url, async (client) => {
    // One statement per table, each with the tenant id bound.
    for (const statement of seedSql(perTable).split(';').map((s) => s.trim()).filter(Boolean)) {
      await client.query(statement, [tenantId]);
    }
  });
}

async function countRows(url: string, tenantId: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM accounts WHERE tenant_id = $1) + (SELECT count(*) FROM contacts WHERE tenant_id = $1)
            + (SELECT count(*) FROM account_contacts WHERE tenant_id = $1) + (SELECT count(*) FROM notes WHERE tenant_id = $1) AS n`,
      [tenantId],
    );
    return Number(rows[0]?.n ?? 0);
  });
}

export async function runMovePhase(postgres: BenchPostgres, profile: BenchProfile, log: (message: string) => void): Promise<MoveResults> {
  const { rows, batchSize } = profile.move;
  await withClient(postgres.adminUrl, async (client) => {
    for (const name of DATABASES) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${DATABASES[0]}`);
    await client.query(`CREATE DATABASE ${DATABASES[1]}`);
  });
  const [controlUrl, pooledUrl] = [postgres.urlFor(DATABASES[0] as string), postgres.urlFor(DATABASES[1] as string)];
  await applyMigrations({ databaseUrl: controlUrl, migrationsDir: controlMigrationsDir });
  const control = createControlPlane(controlUrl, 2);
  const keyRing = createKeyRing(generateEncryptionKey('bench-move'), []);
  try {
    const datasource = { name: 'bench-pooled', kind: 'POOLED' as const, url: pooledUrl };
    const mover = (await provisionTenant({ control: control.client, keyRing }, { slug: 'mover', name: 'Mover', datasource })).tenant;
    const neighbour = (await provisionTenant({ control: control.client, keyRing }, { slug: 'neighbour', name: 'Neighbour', datasource })).tenant;
    const seeded = performance.now();
    await seed(pooledUrl, mover.id, rows);
    await seed(pooledUrl, neighbour.id, rows / 10);
    const neighbourBefore = await countRows(pooledUrl, neighbour.id);
    log(`  seeded ${rows} rows for the tenant to move and ${neighbourBefore} for its neighbour in ${Math.round(performance.now() - seeded)} ms`);
    const result = await moveTenant(
      { control: control.client, keyRing, controlUrl },
      // No gateway runs here, so no settle wait: a real move adds TENANT_CONFIG_TTL_MS + 1 s before its final pass.
      { tenant: 'mover', to: { kind: 'new-database', serverUrl: postgres.adminUrl, database: DATABASES[2] }, batchSize, settleMs: 0 },
    );
    const moved: MoveResults = {
      rows: result.tables.reduce((sum, table) => sum + table.targetRows, 0),
      tables: result.tables.length,
      seconds: Math.round(result.durationMs / 10) / 100,
      rowsPerSecond: Math.round((result.tables.reduce((sum, table) => sum + table.targetRows, 0) * 1000) / result.durationMs),
      readOnlyMs: result.readOnlyMs,
      verified: result.tables.every((table) => table.equal),
      neighbourRows: { before: neighbourBefore, after: await countRows(pooledUrl, neighbour.id) },
      batchSize,
    };
    log(`  moved ${moved.rows} rows in ${moved.seconds} s (${moved.rowsPerSecond} rows/s), read-only ${moved.readOnlyMs} ms, verified: ${moved.verified}`);
    return moved;
  } finally {
    await control.close();
    await withClient(postgres.adminUrl, async (client) => {
      for (const name of DATABASES) {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    });
  }
}
