import { setTimeout as sleep } from 'node:timers/promises';
import { type ClaimedItem, type FinishedItem, type ItemCompletion, type RunLedger, type RunMigrations } from './run-ledger.js';

/** How a worker holds its claims. */
export interface WorkerLease {
  /** This worker's id in the ledger (`host:pid:random`). */
  workerId: string;
  /** How long a claim lasts without a heartbeat; a crashed worker's items are taken over after it. */
  leaseMs: number;
  /** How often a worker with nothing claimable looks again while others still hold items. */
  pollMs: number;
}

/** Options of {@link WorkerClaims}. */
export interface WorkerClaimsOptions {
  /** The run's migrations, recorded with each datasource's check. */
  migrations: RunMigrations;
  /** Items claimed per statement (pass the worker's concurrency). */
  batchSize: number;
  /** Longest time a finished item's outcome waits to be written with others. Default 100 ms. */
  flushDelayMs?: number;
  /** SIGINT: no new claim; {@link WorkerClaims.close} hands the unstarted ones back. */
  signal?: AbortSignal;
}

/**
 * A worker's side of the run ledger, batched so the control plane costs a few statements per batch
 * of datasources instead of several per datasource: {@link next} hands out items claimed
 * `batchSize` at a time, {@link finish} collects outcomes that are written together (when a batch
 * has finished, after `flushDelayMs`, before the next claim, and at {@link close}). Claimed items
 * waiting their turn hold a lease like items in flight, renewed by the same heartbeat, so a
 * crashed worker's queue is taken over like its work in progress.
 */
export class WorkerClaims {
  private readonly queue: ClaimedItem[] = [];
  private finished: FinishedItem[] = [];
  private writing: Promise<void> = Promise.resolve();
  private writeError: unknown = null;
  private timer: NodeJS.Timeout | null = null;
  private refilling: Promise<void> | null = null;
  private exhausted = false;

  constructor(
    private readonly ledger: RunLedger,
    private readonly runId: string,
    private readonly lease: WorkerLease,
    private readonly options: WorkerClaimsOptions,
  ) {}

  /**
   * The claim function a worker's fleet iterator pulls from: the next item, or null once no item is
   * pending or held by another worker. While other workers still hold items it waits and looks
   * again, so it takes over a crashed worker's items when their leases expire (and wave 2 items
   * once the canary wave is done). Throws when an outcome could not be written.
   */
  readonly next = async (): Promise<ClaimedItem | null> => {
    for (;;) {
      this.throwIfWriteFailed();
      if (this.options.signal?.aborted) {
        return null;
      }
      const queued = this.queue.shift();
      if (queued) {
        return queued;
      }
      if (this.exhausted) {
        return null;
      }
      // Concurrent callers share one refill instead of each claiming a batch.
      this.refilling ??= this.refill().finally(() => {
        this.refilling = null;
      });
      await this.refilling;
    }
  };

  /** Collects an item's outcome for the next write. */
  finish(item: ClaimedItem, completion: ItemCompletion): void {
    this.finished.push({ item, completion });
    if (this.finished.length >= this.options.batchSize) {
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => void this.flush(), this.options.flushDelayMs ?? 100).unref();
    }
  }

  /**
   * Writes every collected outcome and hands the claimed items that were never started back to the
   * run. Throws when an outcome could not be written (the item's lease then expires and another
   * worker, or a resume, does it again: the database's migration history makes that a skip).
   */
  async close(): Promise<void> {
    await this.flush();
    await this.ledger.release(this.lease.workerId, this.queue.splice(0).map((item) => item.id));
    this.throwIfWriteFailed();
  }

  /** Stops the write timer without writing (the run is failing anyway). */
  dispose(): void {
    this.clearTimer();
  }

  private async refill(): Promise<void> {
    while (!this.options.signal?.aborted) {
      await this.flush();
      this.throwIfWriteFailed();
      const claimed = await this.ledger.claim(this.runId, this.lease.workerId, this.lease.leaseMs, this.options.batchSize);
      if (claimed.length > 0) {
        this.queue.push(...claimed);
        return;
      }
      await this.ledger.cancelAfterFailedCanary(this.runId);
      if (!(await this.ledger.hasOpenWork(this.runId, this.lease.workerId))) {
        this.exhausted = true;
        return;
      }
      await sleep(this.lease.pollMs, undefined, { signal: this.options.signal }).catch(() => undefined);
    }
  }

  /** Writes are chained, so outcomes reach the ledger in the order they were collected. */
  private flush(): Promise<void> {
    this.clearTimer();
    const batch = this.finished.splice(0);
    if (batch.length > 0) {
      this.writing = this.writing.then(() =>
        this.ledger.complete(this.lease.workerId, batch, this.options.migrations).then(
          () => undefined,
          (error: unknown) => {
            this.writeError ??= error;
          },
        ),
      );
    }
    return this.writing;
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private throwIfWriteFailed(): void {
    if (this.writeError !== null) {
      throw this.writeError;
    }
  }
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
