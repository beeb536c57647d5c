/** What a move reports as it goes (the CLI draws its progress from these). */
export type MoveEvent =
  | { kind: 'started'; tables: number; phase: string; purge: boolean }
  | { kind: 'table-copied'; table: string; rows: number }
  | { kind: 'batch'; table: string; copiedRows: number }
  | { kind: 'catch-up'; pass: number; readOnly: boolean; changes: number }
  | { kind: 'read-only'; settleMs: number }
  | { kind: 'verified'; tables: number }
  | { kind: 'switched'; datasource: string }
  | { kind: 'purged'; rows: number };

/** How many progress steps a move of `tables` tables reports as `table-copied`, `read-only`, `verified`, `switched` and `purged`. */
export const progressSteps = (tables: number, purge: boolean) => tables + 3 + (purge ? 1 : 0);
