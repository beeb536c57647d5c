import { AppError, ErrorCode } from '../errors/app-error.js';
import { type TenantRoute } from './datasource-registry.js';

/** How tenant datasources share server connections; defaults come from config. */
export interface ConnectionBudgetSettings {
  /**
   * Most server connections all tenant datasources of the process may have open (or opening) at
   * once. Config default 80 (`TENANT_CONNECTION_BUDGET`): with the control-plane pool that stays
   * under Postgres's default `max_connections` of 100.
   */
  connectionBudget: number;
  /** Most connections one datasource may open when its row sets none (config default 5, `TENANT_POOL_MAX`). */
  defaultPoolMax: number;
  /**
   * How long a request waits for a connection before it fails with the retryable
   * TENANT_UNAVAILABLE. Config default 5000 ms (`TENANT_BUDGET_WAIT_MS`).
   */
  budgetWaitMs: number;
}

/**
 * How many connections one datasource may open: the row's `pool_max`, else the configured
 * default, never more than the whole budget.
 */
export function poolSizeOf(route: TenantRoute, settings: Pick<ConnectionBudgetSettings, 'defaultPoolMax' | 'connectionBudget'>): number {
  return Math.min(route.datasource.poolMax || settings.defaultPoolMax, settings.connectionBudget);
}

/** A datasource's pool as the budget sees it: it can be asked to close an idle connection. */
export interface ConnectionHolder {
  /**
   * Undefined while it holds no idle connection; otherwise how much it was used lately (see
   * `RecentUse`): the idle connection of the lowest rank is closed first.
   */
  reclaimRank(): number | undefined;
  /** Closes one idle connection; its `release` follows once the server connection is gone. */
  closeIdle(): void;
}

/** The budget's counters, for stats and `/metrics`. */
export interface ConnectionBudgetStats {
  /** Server connections open or being opened now; never above `connectionBudget`. */
  openConnections: number;
  /** Most connections open at once since start. */
  peakConnections: number;
  connectionBudget: number;
  /** Requests for a new connection waiting for room now. */
  waitingForConnection: number;
  /** Requests for a connection that found no room at once. */
  budgetWaits: number;
  /** Requests that gave up after `budgetWaitMs`; they failed with TENANT_UNAVAILABLE. */
  budgetTimeouts: number;
  /** Idle connections closed to make room for another datasource. */
  connectionsReclaimed: number;
}

interface Waiter {
  holder: ConnectionHolder;
  resolve(): void;
  reject(error: AppError): void;
  timer: NodeJS.Timeout;
}

/**
 * Counts physical server connections across all tenant datasources. A datasource asks for one
 * before it opens a connection and gives it back when the connection has closed, so the count is
 * what `pg_stat_activity` shows. Requests that find no room wait in one FIFO queue; for each one
 * an idle connection of the least used datasource anywhere (uses decayed over time, see
 * `RecentUse`) is closed, and a datasource that holds more
 * than one connection gives back the ones it releases while others wait (see `shouldYield`), so
 * a busy tenant cannot starve the rest.
 */
export class ConnectionBudget {
  private open = 0;
  private peak = 0;
  /** Closes asked for and not yet released, so one waiter does not close two connections. */
  private reclaiming = 0;
  private readonly counters = { budgetWaits: 0, budgetTimeouts: 0, connectionsReclaimed: 0 };
  private readonly holders = new Set<ConnectionHolder>();
  private readonly queue: Waiter[] = [];

  /** `onTimeout` is told when a request gave up waiting (the app logs a warning). */
  constructor(
    private readonly settings: Pick<ConnectionBudgetSettings, 'connectionBudget' | 'budgetWaitMs'>,
    private readonly onTimeout?: () => void,
  ) {}

  /** Makes a pool's idle connections candidates for reclaiming. */
  register(holder: ConnectionHolder): void {
    this.holders.add(holder);
  }

  unregister(holder: ConnectionHolder): void {
    this.holders.delete(holder);
  }

  stats(): ConnectionBudgetStats {
    return {
      openConnections: this.open,
      peakConnections: this.peak,
      connectionBudget: this.settings.connectionBudget,
      waitingForConnection: this.queue.length,
      ...this.counters,
    };
  }

  /** Resolves when `holder` may open one connection; rejects with TENANT_UNAVAILABLE after `budgetWaitMs`. */
  acquire(holder: ConnectionHolder): Promise<void> {
    if (this.queue.length === 0 && this.open < this.settings.connectionBudget) {
      this.take();
      return Promise.resolve();
    }
    this.counters.budgetWaits += 1;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { holder, resolve, reject, timer: setTimeout(() => this.giveUp(waiter), this.settings.budgetWaitMs) };
      this.queue.push(waiter);
      this.reclaim();
    });
  }

  /** One connection has closed (or never opened): its room goes to the first waiter. */
  release(): void {
    this.open -= 1;
    if (this.reclaiming > 0) {
      this.reclaiming -= 1;
    }
    this.admit();
  }

  /** True when a connection `holder` releases should be closed so that another datasource's waiter gets it. */
  shouldYield(holder: ConnectionHolder): boolean {
    return this.queue.some((waiter) => waiter.holder !== holder);
  }

  /** A connection went back to its pool: if requests wait, it may be the one to reclaim. */
  connectionIdled(): void {
    if (this.queue.length > 0) {
      this.reclaim();
    }
  }

  /** Fails every waiting request at once, e.g. at shutdown. */
  rejectWaiters(message: string): void {
    for (const waiter of this.queue.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new AppError(ErrorCode.TENANT_UNAVAILABLE, message));
    }
  }

  private take(): void {
    this.open += 1;
    this.peak = Math.max(this.peak, this.open);
  }

  private admit(): void {
    while (this.queue.length > 0 && this.open < this.settings.connectionBudget) {
      const waiter = this.queue.shift() as Waiter;
      clearTimeout(waiter.timer);
      this.take();
      waiter.resolve();
    }
    this.reclaim();
  }

  /** Closes idle connections of the least used datasources, one per waiter not yet covered by a close under way. */
  private reclaim(): void {
    let needed = this.queue.length - this.reclaiming - Math.max(0, this.settings.connectionBudget - this.open);
    while (needed > 0) {
      const victim = this.leastUsedIdle();
      if (!victim) {
        return;
      }
      this.reclaiming += 1;
      this.counters.connectionsReclaimed += 1;
      needed -= 1;
      victim.closeIdle();
    }
  }

  private leastUsedIdle(): ConnectionHolder | undefined {
    let victim: ConnectionHolder | undefined;
    let lowest = Number.POSITIVE_INFINITY;
    for (const holder of this.holders) {
      const rank = holder.reclaimRank();
      if (rank !== undefined && (victim === undefined || rank < lowest)) {
        victim = holder;
        lowest = rank;
      }
    }
    return victim;
  }

  private giveUp(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) {
      return;
    }
    this.queue.splice(index, 1);
    this.counters.budgetTimeouts += 1;
    this.onTimeout?.();
    waiter.reject(new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the gateway is at its tenant connection budget; retry shortly'));
  }
}
