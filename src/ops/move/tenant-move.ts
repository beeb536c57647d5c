import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { badInput } from '../../errors/app-error.js';
import { TenantMovePhase } from '../../generated/control/enums.js';
import { errorDetails } from '../migrations/migration-error.js';
import { scrubSecrets } from '../provisioning/connection-failure.js';
import { findTenant, type TenantSummary } from '../tenants/tenant-catalog.js';
import { purgeTenantRows, type PurgeSummary } from '../tenant-data/tenant-rows.js';
import { bulkCopy, catchUp, type CopyContext } from './move-copy.js';
import { type MoveEvent } from './move-events.js';
import { findOpenMove, recordFailure, recordPhase, type MoveRecord } from './move-ledger.js';
import { acquireMoveLock } from './move-lock.js';
import { openMoveSides, type MoveSides } from './move-sides.js';
import { resumeMove, startMove } from './move-start.js';
import { freeze, settle, switchTenant, thaw } from './move-switch.js';
import { type MoveDestination } from './move-target.js';
import { acceptVerification, type TableVerification } from './move-verify.js';
import { type SyncOutcome } from './tenant-sync.js';

/** What a move needs. */
export interface TenantMoveDeps {
  control: ControlClient;
  keyRing: KeyRing;
  /** The control plane's URL, for the session that holds the tenant's move lock. */
  controlUrl: string;
  /** Default: the committed tenant migrations (applied to a new target database). */
  migrationsDir?: string;
  /**
   * Told after each change of the tenant's status or datasource, so a gateway in this process can
   * drop its cached route at once (every gateway is also told through the change feed). Default: nothing.
   */
  onRouteChanged?: (tenantId: string) => void | Promise<void>;
  /** Told as the move goes; whatever it throws fails the move like a failing step (a test seam too). */
  onEvent?: (event: MoveEvent) => void | Promise<void>;
  /** Aborting stops the copying phase between batches; the move can be resumed later. */
  signal?: AbortSignal;
}

/** A move to start (with `to`) or to resume (without). */
export interface MoveRequest {
  /** Slug or id. */
  tenant: string;
  /** Where to; omitted to resume the tenant's unfinished move. Given again, it must name the same target. */
  to?: MoveDestination;
  /** Delete the tenant's rows from the source once it is served from the target. Default: false. */
  purgeSource?: boolean;
  /** Rows per batch and per catch-up chunk. Default: 2000. */
  batchSize?: number;
  /**
   * How long a gateway may keep serving a route it cached before a change: the move waits this
   * long after making the tenant read-only before its final pass, and after the switch before
   * purging the source. Gateways drop the route when the change feed tells them, within
   * milliseconds; the wait is the fallback that also covers requests already in flight and
   * gateways that cannot hear the feed, so the CLI keeps `TENANT_CONFIG_TTL_MS` plus a second.
   */
  settleMs: number;
}

/** What {@link moveTenant} did. */
export interface MoveResult {
  moveId: string;
  tenant: string;
  tenantId: string;
  source: string;
  target: string;
  createdDatabase: string | null;
  /** True when an unfinished move was continued. */
  resumed: boolean;
  tables: TableVerification[];
  copiedRows: number;
  /** Changes made by the catch-up passes while the tenant was writable, then read-only. */
  catchUp: { online: SyncOutcome; readOnly: SyncOutcome };
  /** How long writes were refused, ms. */
  readOnlyMs: number;
  durationMs: number;
  purged: PurgeSummary | null;
}

const DEFAULT_BATCH_SIZE = 2000;
const NO_CHANGES: SyncOutcome = { upserted: 0, deleted: 0, deferred: 0 };

/**
 * Moves one tenant's rows to another datasource and switches the tenant to it, losing nothing:
 * 1. copy every table in foreign-key order in batches, recording each batch's position;
 * 2. catch up online (hash every row on both sides, upsert what differs, delete what is gone)
 *    until little changes;
 * 3. make the tenant READ_ONLY, wait `settleMs` for every gateway to see it, catch up until a pass
 *    finds nothing, and verify per-table counts and checksums;
 * 4. in one control-plane transaction point the tenant at the target and restore its status;
 * 5. with `purgeSource`, wait `settleMs` again and delete its rows from the source.
 * Every phase is recorded in the move ledger: an interrupted move resumes where it stopped, and a
 * failure in step 3 restores the tenant's status before it is thrown. {@link abortMove} rolls back.
 *
 * @throws AppError `BAD_USER_INPUT` (bad request, no move to resume, a target that is the source
 *   or already holds the tenant's rows, a schema mismatch, a move already running), `NOT_FOUND`,
 *   `TENANT_UNAVAILABLE` (a database, or a failed verification); {@link MoveInterrupted}.
 */
export async function moveTenant(deps: TenantMoveDeps, request: MoveRequest): Promise<MoveResult> {
  const started = performance.now();
  const batchSize = request.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw badInput('batch size must be an integer from 1 to 100000', 'batchSize');
  }
  const tenant = await findTenant(deps.control, request.tenant);
  const lock = await acquireMoveLock(deps.controlUrl, tenant.id, tenant.slug);
  try {
    const open = await findOpenMove(deps.control, tenant.id);
    const begun = open === null ? await startMove(deps, tenant, request) : await resumeMove(deps, tenant, open, request);
    const sides = await openMoveSides(deps, begun.move);
    try {
      const result = await runPhases(deps, { tenant, move: begun.move, sides, batchSize, request });
      return { ...result, resumed: open !== null, createdDatabase: begun.move.createdDatabase, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      await recordFailure(deps.control, begun.move.id, scrubSecrets(errorDetails(error).message, sides.sourceUrl)).catch(() => undefined);
      throw error;
    } finally {
      await sides.close();
    }
  } finally {
    await lock.release();
  }
}

interface PhaseInput {
  tenant: TenantSummary;
  move: MoveRecord;
  sides: MoveSides;
  batchSize: number;
  request: MoveRequest;
}

type PhaseResult = Omit<MoveResult, 'resumed' | 'createdDatabase' | 'durationMs'>;

async function runPhases(deps: TenantMoveDeps, input: PhaseInput): Promise<PhaseResult> {
  const { move, sides } = input;
  const emit = async (event: MoveEvent) => deps.onEvent?.(event);
  const context: CopyContext = { control: deps.control, move, source: sides.source.client, target: sides.target.client, layouts: sides.layouts, batchSize: input.batchSize, ownTarget: move.createdDatabase !== null, onEvent: emit, signal: deps.signal };
  let online = NO_CHANGES;
  let readOnly = NO_CHANGES;
  let readOnlyMs = 0;
  let tables: TableVerification[] = [];
  const phase = move.phase;
  await emit({ kind: 'started', tables: sides.layouts.length, phase, purge: move.purgeSource });
  if (phase === TenantMovePhase.COPYING) {
    await bulkCopy(context);
    online = (await catchUp(context, { readOnly: false, settledAt: Math.max(10, input.batchSize / 10), maxPasses: 3 })).changes;
  }
  if (phase === TenantMovePhase.COPYING || phase === TenantMovePhase.READ_ONLY) {
    const frozenAt = performance.now();
    try {
      await freeze(deps, move, input.request.settleMs, emit);
      const final = await catchUp(context, { readOnly: true, settledAt: 0, maxPasses: 5 });
      readOnly = final.changes;
      tables = await acceptVerification(deps.control, move.id, final.comparison);
      await emit({ kind: 'verified', tables: tables.length });
      await switchTenant(deps, move, sides.targetSchemaVersion);
    } catch (error) {
      await thaw(deps, move);
      throw error;
    }
    readOnlyMs = Math.round(performance.now() - frozenAt);
    await emit({ kind: 'switched', datasource: sides.target.name });
  }
  let purged: PurgeSummary | null = null;
  if (move.purgeSource) {
    await settle(input.request.settleMs, deps.signal);
    purged = await purgeTenantRows(sides.sourceUrl, move.tenantId);
    await emit({ kind: 'purged', rows: Object.values(purged).reduce((sum, n) => sum + n, 0) });
  }
  await recordPhase(deps.control, move.id, TenantMovePhase.DONE, { lastError: null });
  const copiedRows = (await deps.control.tenantMoveTable.findMany({ where: { moveId: move.id } })).reduce((sum, table) => sum + table.copiedRows, 0);
  return {
    moveId: move.id,
    tenant: input.tenant.slug,
    tenantId: move.tenantId,
    source: sides.source.name,
    target: sides.target.name,
    tables,
    copiedRows,
    catchUp: { online: pick(online), readOnly: pick(readOnly) },
    readOnlyMs,
    purged,
  };
}

const pick = ({ upserted, deleted, deferred }: SyncOutcome): SyncOutcome => ({ upserted, deleted, deferred });
