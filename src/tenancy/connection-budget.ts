import { AppError, ErrorCode } from '../errors/app-error.js';
import { type TenantRoute } from './datasource-registry.js';

/** How `TenantClientPool` shares connections among datasources; defaults come from config. */
export interface ConnectionBudgetSettings {
  /**
   * Most connections all tenant pools together may hold; each client reserves {@link poolSizeOf}
   * from its build until it is disposed. Config default 80 (`TENANT_CONNECTION_BUDGET`): with the
   * control-plane pool that stays under Postgres's default `max_connections` of 100.
   */
  connectionBudget: number;
  /** Pool size of a datasource whose row sets none (config default 5, `TENANT_POOL_MAX`). */
  defaultPoolMax: number;
  /**
   * How long a build waits for room before its requests fail with TENANT_UNAVAILABLE. Config
   * default 5000 ms (`TENANT_BUDGET_WAIT_MS`): time for busy requests to end and free room, short
   * enough that a client retries rather than hangs.
   */
  budgetWaitMs: number;
}

/**
 * How many connections the `pg` pool of a datasource may open: the row's `pool_max`, else the
 * configured default, and never more than the whole budget, since a larger pool could never fit.
 * The connector sizes the pool with it and `TenantClientPool` reserves the same number, so what
 * is reserved is what can be open.
 */
export function poolSizeOf(route: TenantRoute, settings: Pick<ConnectionBudgetSettings, 'defaultPoolMax' | 'connectionBudget'>): number {
  return Math.min(route.datasource.poolMax || settings.defaultPoolMax, settings.connectionBudget);
}

/** One client's share of the budget; its connections count as reserved while `held`. */
export interface BudgetSlot {
  readonly size: number;
  held: boolean;
}

function sizeOf(holders: Array<{ slot: BudgetSlot }>): number {
  return holders.reduce((sum, holder) => sum + holder.slot.size, 0);
}

/**
 * The least recently used of `idle` to retire so that, with what `retiring` (clients being
 * disposed already) gives back, `shortfall` connections come free. None when even all of them
 * would not do: the waiter then waits for a request to end instead of emptying the cache for
 * nothing.
 */
export function idleToRetire<T extends { slot: BudgetSlot; lastUsed: number }>(idle: T[], retiring: T[], shortfall: number): T[] {
  const needed = shortfall - sizeOf(retiring);
  if (needed <= 0 || sizeOf(idle) < needed) {
    return [];
  }
  const chosen: T[] = [];
  for (const holder of [...idle].sort((a, b) => a.lastUsed - b.lastUsed)) {
    if (sizeOf(chosen) >= needed) {
      break;
    }
    chosen.push(holder);
  }
  return chosen;
}

/** The budget's share of the pool's stats. */
export interface ConnectionBudgetStats {
  /** Connections reserved by clients not yet disposed; never above `connectionBudget`. */
  reservedConnections: number;
  connectionBudget: number;
  /** Builds that found no room at once (the acquires sharing a build count once). */
  budgetWaits: number;
  /** Builds that gave up after the wait bound; their acquires failed with TENANT_UNAVAILABLE. */
  budgetTimeouts: number;
}

interface Waiter {
  slot: BudgetSlot;
  resolve(): void;
  reject(error: AppError): void;
  timer: NodeJS.Timeout;
}

/**
 * Counts the connections reserved by tenant clients and admits new ones first come, first served:
 * a claim that does not fit waits behind earlier ones (so a large pool is not starved by small
 * ones) until frees make room, or fails after `budgetWaitMs`. It never admits past the limit.
 */
export class ConnectionBudget {
  private reserved = 0;
  private waits = 0;
  private timeouts = 0;
  private readonly queue: Waiter[] = [];

  /** `makeRoom` is asked to retire idle clients when the first waiter needs `shortfall` more connections. */
  constructor(
    private readonly settings: Pick<ConnectionBudgetSettings, 'connectionBudget' | 'budgetWaitMs'>,
    private readonly makeRoom: (shortfall: number) => void,
  ) {}

  stats(): ConnectionBudgetStats {
    return {
      reservedConnections: this.reserved,
      connectionBudget: this.settings.connectionBudget,
      budgetWaits: this.waits,
      budgetTimeouts: this.timeouts,
    };
  }

  /** Resolves once the slot is held; rejects with TENANT_UNAVAILABLE after `budgetWaitMs` without room. */
  claim(slot: BudgetSlot): Promise<void> {
    if (this.queue.length === 0 && this.fits(slot)) {
      this.hold(slot);
      return Promise.resolve();
    }
    this.waits += 1;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { slot, resolve, reject, timer: setTimeout(() => this.giveUp(waiter), this.settings.budgetWaitMs) };
      this.queue.push(waiter);
      this.admitWaiters();
    });
  }

  /** Returns a held slot's connections; a slot never held, or already freed, changes nothing. */
  free(slot: BudgetSlot): void {
    if (!slot.held) {
      return;
    }
    slot.held = false;
    this.reserved -= slot.size;
    this.admitWaiters();
  }

  /** Admits waiters that fit, in order, and asks for room for the first that does not. */
  admitWaiters(): void {
    let head = this.queue[0];
    while (head && this.fits(head.slot)) {
      this.queue.shift();
      clearTimeout(head.timer);
      this.hold(head.slot);
      head.resolve();
      head = this.queue[0];
    }
    if (head) {
      this.makeRoom(this.reserved + head.slot.size - this.settings.connectionBudget);
    }
  }

  /** Fails every waiting claim at once, e.g. at shutdown. */
  rejectWaiters(message: string): void {
    for (const waiter of this.queue.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new AppError(ErrorCode.TENANT_UNAVAILABLE, message));
    }
  }

  private giveUp(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) {
      return;
    }
    this.queue.splice(index, 1);
    this.timeouts += 1;
    waiter.reject(new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the gateway is at its tenant connection budget; retry shortly'));
    // The waiter behind may be smaller and fit already.
    this.admitWaiters();
  }

  private fits(slot: BudgetSlot): boolean {
    return this.reserved + slot.size <= this.settings.connectionBudget;
  }

  private hold(slot: BudgetSlot): void {
    slot.held = true;
    this.reserved += slot.size;
  }
}
