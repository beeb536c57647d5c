import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use so a request pays only for the relations it asks
 * for. Keyed by a name the resolver chooses (e.g. `account.contacts`).
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch);
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}

/** Orders batch results to match the keys (DataLoader's contract), grouping rows by key. */
export function groupByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    groups.get(keyOf(row))?.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Orders batch results to match the keys, `null` where no row has that key. */
export function indexByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
