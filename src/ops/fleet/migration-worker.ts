import { setTimeout as sleep } from 'node:timers/promises';
import { type ClaimedItem, type RunLedger } from './run-ledger.js';

/** How a worker holds its claims. */
export interface WorkerLease {
  /** This worker's id in the ledger (`host:pid:random`). */
  workerId: string;
  /** How long a claim lasts without a heartbeat; a crashed worker's items are taken over after it. */
  leaseMs: number;
  /** How often a worker with nothing claimable looks again while others still hold items. */
  pollMs: number;
}

/**
 * The claim function a worker's fleet iterator pulls from: the next claimable item of the run, or
 * null once no item is pending or held by another worker. While other workers still hold items
 * it waits and looks again, so it takes over a crashed worker's items when their leases expire
 * (and wave 2 items once the canary wave is done).
 */
export function claimSource(
  ledger: RunLedger,
  runId: string,
  lease: WorkerLease,
  signal?: AbortSignal,
): () => Promise<ClaimedItem | null> {
  return async () => {
    while (!signal?.aborted) {
      const item = await ledger.claim(runId, lease.workerId, lease.leaseMs);
      if (item) {
        return item;
      }
      await ledger.cancelAfterFailedCanary(runId);
      if (!(await ledger.hasOpenWork(runId, lease.workerId))) {
        return null;
      }
      await sleep(lease.pollMs, undefined, { signal }).catch(() => undefined);
    }
    return null;
  };
}

/** Renews this worker's leases every third of the lease until stopped. */
export function startHeartbeat(ledger: RunLedger, lease: WorkerLease): { stop(): void } {
  const timer = setInterval(() => {
    // A missed beat only shortens the lease; the next one renews it.
    ledger.heartbeat(lease.workerId, lease.leaseMs).catch(() => undefined);
  }, Math.max(50, Math.floor(lease.leaseMs / 3)));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
