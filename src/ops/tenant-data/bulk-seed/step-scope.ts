import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { type SeedRun } from './seed-run.js';
import { SqlParams } from './sql-params.js';
import { between, pick } from './sql-random.js';

/**
 * What a step builder writes its SQL with: the run, the statement's parameters, and shorthands
 * for the expressions every table uses. One scope per statement, so each carries only its own
 * parameters.
 */
export class StepScope {
  readonly params = new SqlParams();

  constructor(readonly run: SeedRun) {}

  /** The tenant's id, as a uuid parameter. */
  get tenant(): string {
    return this.params.bind(this.run.tenantId, 'uuid');
  }

  /** The run's "now", as a timestamptz parameter. */
  get anchor(): string {
    return this.params.bind(this.run.anchor, 'timestamptz');
  }

  /** A text array parameter. */
  text(values: readonly (string | null)[]): string {
    return this.params.bind(values, 'text[]');
  }

  /** An integer array parameter. */
  ints(values: readonly number[]): string {
    return this.params.bind(values, 'int[]');
  }

  /** A uniform draw in [0, 1) for `purpose` from the row index `index` (default the row's `i`). */
  r(purpose: string, index = 'i'): string {
    return this.run.random.uniform(purpose, index);
  }

  /** SQL id of row `index` of `table`. */
  id(table: SeedTable, index: string): string {
    return this.run.ids.of(table, index);
  }

  /** A member of the tenant for the draw `r`; NULL when the tenant has none (indexing an empty array). */
  member(r: string): string {
    return pick(this.params.bind(this.run.members, 'uuid[]'), r);
  }

  /** Rows an earlier step inserted into `table`. */
  count(table: SeedTable): number {
    return this.run.inserted[table]?.rows ?? 0;
  }

  /** Of those, the key account's: they come first, so they are indexes [0, keyCount). */
  keyCount(table: SeedTable): number {
    return this.run.inserted[table]?.keyRows ?? 0;
  }

  /**
   * Index of a row of `table` for the draw `r`: one of the key account's rows when `forKey` is SQL
   * that is true, another's otherwise. A side with no rows falls back to the whole table.
   */
  rowOf(table: SeedTable, r: string, forKey: string): string {
    const total = this.count(table);
    const key = this.keyCount(table);
    const keyPick = key > 0 ? between(r, 0, key - 1) : between(r, 0, total - 1);
    const otherPick = total > key ? between(r, key, total - 1) : between(r, 0, total - 1);
    return `(CASE WHEN ${forKey} THEN ${keyPick} ELSE ${otherPick} END)`;
  }

  /** A time between `start` and the anchor, more often recent than not. */
  recentSince(start: string, r: string): string {
    return `(${start} + (${this.anchor} - ${start}) * (1 - power(${r}, 2)))`;
  }

  /** A time up to `days` before the anchor, more often recent than not. */
  daysAgo(days: number, r: string): string {
    return `(${this.anchor} - ${days} * power(${r}, 2) * interval '1 day')`;
  }

  /** Midnight UTC of a `date`, as a timestamptz. */
  utc(day: string): string {
    return `((${day})::timestamp AT TIME ZONE 'UTC')`;
  }

  /** The UTC calendar day of a timestamptz, for `date` columns. */
  day(timestamp: string): string {
    return `((${timestamp}) AT TIME ZONE 'UTC')::date`;
  }
}
