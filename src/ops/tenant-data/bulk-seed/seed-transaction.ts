import { randomBytes } from 'node:crypto';
import { SEED_TABLES, type SeedTable } from '../../../devdb/demo-seed/index.js';
import { slugify } from '../../../devdb/demo-seed/text.js';
import { restoreAfterBulkLoad, setAsideForBulkLoad } from './bulk-load.js';
import { advanceNumberSequences, claimDocumentNumbers } from './document-numbers.js';
import { runInsertStep } from './insert-step.js';
import { SeedIds } from './seed-ids.js';
import { type SeedRun } from './seed-run.js';
import { lockTenantSeed, type SeedSession } from './seed-session.js';
import { type SeedShape } from './seed-shape.js';
import { SEED_STEPS } from './seed-steps.js';
import { type SeedTarget } from './seed-target.js';
import { seedVocabulary } from './seed-vocabulary.js';
import { literal, SeedRandom } from './sql-random.js';
import { StepScope } from './step-scope.js';

/** What a seed tells its caller as it goes; whatever the listener throws fails the seed like a failing step. */
export type SeedEvent =
  | { kind: 'table'; table: SeedTable; rows: number; seconds: number }
  /** An exclusive seed put back what it set aside: its triggers, and its indexes and foreign keys if it `rebuilt` them. */
  | { kind: 'restored'; rebuilt: boolean; seconds: number }
  | { kind: 'committed'; rows: number; seconds: number }
  | { kind: 'vacuumed'; seconds: number };

/** Rows one table received. */
export interface SeededTable {
  table: SeedTable;
  rows: number;
  seconds: number;
}

/** The seed was stopped (Ctrl+C) and rolled back: the tenant is as it was. */
export class SeedInterrupted extends Error {
  override readonly name = 'SeedInterrupted';
}

/** How one seed's transaction runs. */
export interface SeedTransactionOptions {
  shape: SeedShape;
  exclusive: boolean;
  anchor: Date;
  signal?: AbortSignal;
  onEvent?: (event: SeedEvent) => void;
}

/**
 * Inserts every step's rows in one transaction on the seed's session, with the tenant's seed lock
 * and its document counters held until the end; an exclusive seed sets the tables' same-tenant
 * triggers (and, when it grows them enough, indexes and foreign keys) aside first and puts them
 * back before committing (see `setAsideForBulkLoad`). Any failure, or an
 * abort (which cancels the running statement), rolls everything back.
 *
 * @throws {@link SeedInterrupted} when `signal` aborted it; otherwise what failed.
 */
export async function insertSeedRows(
  session: SeedSession,
  target: SeedTarget,
  options: SeedTransactionOptions,
): Promise<{ tables: SeededTable[]; keyAccount: { id: string; name: string }; rebuildSeconds: number | null }> {
  const { client } = session;
  const { signal, onEvent } = options;
  const stop = () => void session.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop);
  // One random tag per run: it varies the data and keeps the run's ids apart from every other run's.
  const runTag = randomBytes(16).toString('hex');
  const ids = new SeedIds(runTag);
  const keyAccount = { id: ids.idOf('accounts', 0), name: `${target.name} Key Account` };
  try {
    await client.query('BEGIN');
    await lockTenantSeed(client, target.tenantId, target.slug);
    // The seed's window functions sort a few hundred thousand rows; in memory, not on disk.
    await client.query("SET LOCAL work_mem = '64MB'");
    const setAside = options.exclusive ? await setAsideForBulkLoad(client, SEED_TABLES, options.shape.rows) : null;
    const run: SeedRun = {
      tenantId: target.tenantId,
      tenantName: target.name,
      keyAccountName: keyAccount.name,
      keyAccountDomain: `${slugify(target.name, '') || 'keyaccount'}.com`,
      anchor: options.anchor,
      members: target.members,
      shape: options.shape,
      ids,
      random: new SeedRandom(runTag),
      vocabulary: seedVocabulary(target.slug),
      starts: await claimDocumentNumbers(client, target.tenantId),
      inserted: {},
    };
    const tables: SeededTable[] = [];
    for (const [table, build] of SEED_STEPS) {
      signal?.throwIfAborted();
      const started = performance.now();
      const count = await runInsertStep(client, build(new StepScope(run)), `${literal(keyAccount.id)}::uuid`);
      run.inserted[table] = count;
      tables.push({ table, rows: count.rows, seconds: secondsSince(started) });
      onEvent?.({ kind: 'table', table, rows: count.rows, seconds: secondsSince(started) });
    }
    await advanceNumberSequences(client, target.tenantId);
    let rebuildSeconds: number | null = null;
    if (setAside !== null) {
      const started = performance.now();
      await restoreAfterBulkLoad(client, setAside);
      const rebuilt = setAside.indexes.length + setAside.foreignKeys.length > 0;
      rebuildSeconds = rebuilt ? secondsSince(started) : null;
      onEvent?.({ kind: 'restored', rebuilt, seconds: secondsSince(started) });
    }
    signal?.throwIfAborted();
    // From here on an interrupt no longer cancels: a cancelled COMMIT may have committed anyway.
    signal?.removeEventListener('abort', stop);
    await client.query('COMMIT');
    return { tables, keyAccount, rebuildSeconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw signal?.aborted === true ? new SeedInterrupted('interrupted: the seed was rolled back, the tenant is as it was') : error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Seconds since `started` (a `performance.now()`), to the millisecond. */
export function secondsSince(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
