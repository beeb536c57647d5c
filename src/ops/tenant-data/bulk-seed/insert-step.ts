import { type ClientBase } from 'pg';
import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { quoteIdentifier } from '../../migrations/migration-connection.js';
import { type StepCount } from './seed-run.js';
import { type StepScope } from './step-scope.js';

/** Values computed once per row, by name (see {@link InsertStep.values}). */
export type ValueLayer = Readonly<Record<string, string>>;

/**
 * One table's rows as a single `INSERT … SELECT`: the shape every table of the seed shares, so a
 * table is described by where its rows come from and what each column holds, and the statement
 * around it is written once.
 */
export interface InsertStep {
  table: SeedTable;
  /**
   * The FROM list that yields one row per row to insert. It names the row's index `i` (bigint):
   * ids and draws are computed from it.
   */
  from: string;
  /**
   * Values computed once per row and named for the columns to use, in layers: each layer may use
   * the FROM list's columns and the layers before it. A layer is a LATERAL subquery kept from
   * being inlined, so a draw used by several columns is drawn (and hashed) once.
   */
  values?: readonly ValueLayer[];
  /** Filters the FROM rows (after the values are computed). */
  where?: string;
  /**
   * How many of the rows are the key account's, for a table without `account_id` whose key rows
   * are known by construction (contacts). Default: those whose `account_id` is the key account.
   */
  keyRows?: number;
  /** The SQL of each column, by column name. */
  columns: Readonly<Record<string, string>>;
  /** The statement's parameters. */
  scope: StepScope;
}

/** The SQL text of a step, returning how many rows it inserted and how many are the key account's. */
export function insertStatement(step: InsertStep, keyAccountId: string): string {
  const names = Object.keys(step.columns);
  const layers = (step.values ?? []).map((layer, n) => {
    const selected = Object.entries(layer).map(([name, sql]) => `${sql} AS ${name}`);
    return `CROSS JOIN LATERAL (SELECT ${selected.join(', ')} OFFSET 0) AS v${n}`;
  });
  const owner = names.includes('account_id') ? 'account_id' : 'NULL::uuid AS account_id';
  return [
    'WITH inserted AS (',
    `  INSERT INTO ${quoteIdentifier(step.table)} (${names.map(quoteIdentifier).join(', ')})`,
    `  SELECT ${Object.values(step.columns).join(',\n    ')}`,
    `  FROM ${step.from}`,
    ...layers.map((layer) => `  ${layer}`),
    ...(step.where === undefined ? [] : [`  WHERE ${step.where}`]),
    `  RETURNING ${owner}`,
    ')',
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE account_id = ${keyAccountId})::int AS key_rows FROM inserted`,
  ].join('\n');
}

/** Runs a step on the seed's session and counts what it inserted. */
export async function runInsertStep(client: ClientBase, step: InsertStep, keyAccountId: string): Promise<StepCount> {
  const { rows } = await client.query<{ rows: number; key_rows: number }>(insertStatement(step, keyAccountId), step.scope.params.values);
  return { rows: rows[0]?.rows ?? 0, keyRows: step.keyRows ?? rows[0]?.key_rows ?? 0 };
}
