/** How one item of a fleet run ended, as the iterator's callback reports it. */
export type ItemOutcome = 'succeeded' | 'skipped';

/** A failed item and why (the message is safe to print: no URL, no password). */
export interface FleetFailure<T> {
  item: T;
  error: string;
}

/** What a fleet iteration did. */
export interface FleetResult<T> {
  succeeded: T[];
  failed: FleetFailure<T>[];
  skipped: T[];
  /** True when SIGINT (the abort signal) stopped the run before every item was started. */
  interrupted: boolean;
}

/**
 * Where items come from: a list (for `startFrom`/`limit` slicing), or a function handing out the
 * next item, or null when there is none (the migration ledger's claims).
 */
export type FleetSource<T> = readonly T[] | (() => Promise<T | null>);

/** Options of {@link iterateFleet}. */
export interface FleetIterationOptions<T> {
  /** The fleet: a list of targets, or a claim function. */
  tenants: FleetSource<T>;
  /** Index of the first list item to visit. Default 0. Ignored for a claim function. */
  startFrom?: number;
  /** Most list items to visit. Default: all. Ignored for a claim function. */
  limit?: number;
  /** Passed through to `run`, which must then change nothing. Default false. */
  dryRun?: boolean;
  /** Items in flight at once (each costs a database connection). Default 1. */
  concurrency?: number;
  /** Aborted by SIGINT: items in flight finish, no new one starts. */
  signal?: AbortSignal;
  /** Does one item; resolving `'skipped'` means there was nothing to do, throwing means it failed. */
  run(item: T, context: { dryRun: boolean }): Promise<ItemOutcome>;
  /** Called after each item, for progress output. */
  onItemDone?(item: T, outcome: ItemOutcome | 'failed', error?: string): void;
}

/**
 * The fleet iterator every ops command shares: bounded concurrency, each item in its own
 * try/catch (one failing tenant never stops the others), and a clean stop between items on
 * SIGINT. Returns `{ succeeded, failed, skipped, interrupted }` for the CLI to print.
 */
export async function iterateFleet<T>(options: FleetIterationOptions<T>): Promise<FleetResult<T>> {
  const result: FleetResult<T> = { succeeded: [], failed: [], skipped: [], interrupted: false };
  const next = sourceOf(options);
  const dryRun = options.dryRun ?? false;
  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) {
        return;
      }
      const item = await next();
      if (item === null) {
        return;
      }
      try {
        const outcome = await options.run(item, { dryRun });
        (outcome === 'skipped' ? result.skipped : result.succeeded).push(item);
        options.onItemDone?.(item, outcome);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.failed.push({ item, error: message });
        options.onItemDone?.(item, 'failed', message);
      }
    }
  };
  const slots = Math.max(1, Math.floor(options.concurrency ?? 1));
  await Promise.all(Array.from({ length: slots }, worker));
  result.interrupted = options.signal?.aborted ?? false;
  return result;
}

function sourceOf<T>(options: FleetIterationOptions<T>): () => Promise<T | null> {
  const source = options.tenants;
  if (typeof source === 'function') {
    return source;
  }
  const list = source as readonly T[];
  const start = Math.max(0, options.startFrom ?? 0);
  const items = list.slice(start, options.limit === undefined ? undefined : start + options.limit);
  let index = 0;
  return async () => (index < items.length ? (items[index++] as T) : null);
}
