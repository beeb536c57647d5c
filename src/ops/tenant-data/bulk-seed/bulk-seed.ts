import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { quoteIdentifier } from '../../migrations/migration-connection.js';
import { errorDetails } from '../../migrations/migration-error.js';
import { openSeedSession, type SeedSession } from './seed-session.js';
import { seedShape } from './seed-shape.js';
import { type SeedTarget } from './seed-target.js';
import { insertSeedRows, secondsSince, type SeedEvent, type SeededTable } from './seed-transaction.js';

/** Options of {@link bulkSeedTenant}. */
export interface BulkSeedOptions {
  /** About how many rows to insert, over every business table (see `seedShape`). */
  rows: number;
  /** The "now" dates are laid out around. Default: the current time, so the data looks current. */
  anchor?: Date;
  /**
   * Take the seeded tables for the seed (see `setAsideForBulkLoad`): the same-tenant triggers are
   * suspended, and for a seed that grows the tables by half or more, their indexes and foreign
   * keys rebuilt at the end; two to three times faster, but other sessions' writes (and, when
   * rebuilding, reads) of these tables wait until the seed commits. Default: on a dedicated
   * datasource, where the tenant is alone; not on a pooled one, where every tenant would wait.
   */
  exclusive?: boolean;
  /** Aborting cancels the running insert and rolls the seed back. */
  signal?: AbortSignal;
  onEvent?: (event: SeedEvent) => void;
}

/** What {@link bulkSeedTenant} inserted. */
export interface BulkSeedResult {
  tenant: { id: string; slug: string };
  keyAccount: { id: string; name: string };
  tables: SeededTable[];
  rows: number;
  /** Inserting, in the one transaction, until its commit. */
  insertSeconds: number;
  /** Of those, rebuilding the indexes and foreign keys an exclusive seed set aside; null when it did not. */
  rebuildSeconds: number | null;
  /** VACUUM ANALYZE of the seeded tables after the commit. */
  vacuumSeconds: number;
  /** The seed took the tables (see {@link BulkSeedOptions.exclusive}). */
  exclusive: boolean;
}

/**
 * Grows a tenant to production size: about `rows` consistent rows over every business table,
 * inserted set-based (one `INSERT … SELECT` per table, see `InsertStep`) on the datasource's own
 * URL, around a key account that holds thousands of communications and invoices.
 *
 * All or nothing: every row, and the advance of the tenant's document counters, is in one
 * transaction (see `insertSeedRows`), so a failure or an interrupt leaves the tenant as it was;
 * rows of the tenant that exist stay untouched, as do other tenants'. Afterwards the seeded
 * tables are vacuumed and analyzed, so the planner sees their new sizes.
 *
 * @throws AppError `BAD_USER_INPUT` for a bad row count or when another seed of the tenant runs,
 *   `TENANT_UNAVAILABLE` when the datasource cannot be reached; `SeedInterrupted`.
 */
export async function bulkSeedTenant(target: SeedTarget, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const shape = seedShape(options.rows);
  const exclusive = options.exclusive ?? target.datasource.kind === 'DEDICATED';
  const session = await openSeedSession(target.datasource.url, target.datasource.name);
  try {
    const started = performance.now();
    const { tables, keyAccount, rebuildSeconds } = await insertSeedRows(session, target, {
      shape, exclusive, anchor: options.anchor ?? new Date(), signal: options.signal, onEvent: options.onEvent,
    });
    const insertSeconds = secondsSince(started);
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    options.onEvent?.({ kind: 'committed', rows, seconds: insertSeconds });
    const vacuumStarted = performance.now();
    await vacuumAnalyze(session, tables.map((table) => table.table));
    const vacuumSeconds = secondsSince(vacuumStarted);
    options.onEvent?.({ kind: 'vacuumed', seconds: vacuumSeconds });
    return { tenant: { id: target.tenantId, slug: target.slug }, keyAccount, tables, rows, insertSeconds, rebuildSeconds, vacuumSeconds, exclusive };
  } finally {
    await session.close();
  }
}

/** Vacuums and analyzes each seeded table (outside a transaction, as VACUUM must be). */
async function vacuumAnalyze(session: SeedSession, tables: readonly SeedTable[]): Promise<void> {
  for (const table of tables) {
    await session.client.query(`VACUUM (ANALYZE) ${quoteIdentifier(table)}`).catch((error: unknown) => {
      throw new Error(`the seed is committed, but VACUUM ANALYZE ${table} failed: ${errorDetails(error).message}`);
    });
  }
}
