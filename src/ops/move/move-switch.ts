import { setTimeout as sleep } from 'node:timers/promises';
import { publishChanges } from '../../control/change-feed.js';
import { TenantMovePhase, TenantStatus } from '../../generated/control/enums.js';
import { MoveInterrupted } from './move-copy.js';
import { type MoveEvent } from './move-events.js';
import { recordPhase, type MoveRecord } from './move-ledger.js';
import { type TenantMoveDeps } from './tenant-move.js';

// The control-plane side of a move: the read-only window and the switch, each one transaction
// that changes the tenant and the move's ledger row together.

/**
 * Waits for gateways to drop routes they cached; an interrupt ends the wait with
 * {@link MoveInterrupted} (read-only: the tenant is thawed; switched: a re-run purges).
 */
export async function settle(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    throw signal?.aborted === true ? new MoveInterrupted('the move was interrupted while waiting for gateways; run it again (or with --resume) to continue, or --abort it') : error;
  }
}

/** Makes the tenant READ_ONLY (recording the phase with it) and waits until every gateway has seen it. */
export async function freeze(deps: TenantMoveDeps, move: MoveRecord, settleMs: number, emit: (event: MoveEvent) => Promise<void>): Promise<void> {
  await deps.control.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: move.tenantId }, data: { status: TenantStatus.READ_ONLY } });
    await recordPhase(tx, move.id, TenantMovePhase.READ_ONLY);
    await publishChanges(tx, { kind: 'tenant', tenantId: move.tenantId });
  });
  await deps.onRouteChanged?.(move.tenantId);
  await emit({ kind: 'read-only', settleMs });
  await settle(settleMs, deps.signal);
}

/** Undoes {@link freeze} after a failure: the tenant is served from its source again, writable. */
export async function thaw(deps: TenantMoveDeps, move: MoveRecord): Promise<void> {
  await deps.control
    .$transaction(async (tx) => {
      // A switch whose commit was reported as failed may have landed: then there is nothing to undo.
      const { count } = await tx.tenant.updateMany({ where: { id: move.tenantId, datasourceId: move.sourceDatasourceId }, data: { status: move.previousStatus } });
      if (count > 0) {
        await recordPhase(tx, move.id, TenantMovePhase.COPYING);
        await publishChanges(tx, { kind: 'tenant', tenantId: move.tenantId });
      }
    })
    .catch(() => undefined);
  await deps.onRouteChanged?.(move.tenantId);
}

/** The switch: one transaction points the tenant at the target, restores its status and records it. */
export async function switchTenant(deps: TenantMoveDeps, move: MoveRecord, schemaVersion: string | null): Promise<void> {
  await deps.control.$transaction(async (tx) => {
    await tx.tenant.update({
      where: { id: move.tenantId },
      data: { datasourceId: move.targetDatasourceId, status: move.previousStatus, ...(schemaVersion === null ? {} : { schemaVersion }) },
    });
    await recordPhase(tx, move.id, TenantMovePhase.SWITCHED);
    await publishChanges(tx, { kind: 'tenant', tenantId: move.tenantId });
  });
  await deps.onRouteChanged?.(move.tenantId);
}
