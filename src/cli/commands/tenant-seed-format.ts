import { type BulkSeedResult } from '../../ops/tenant-data/bulk-seed/bulk-seed.js';
import { type CommandOutput } from '../output.js';

/** Rows per second, whole. */
const rate = (rows: number, seconds: number) => (seconds > 0 ? Math.round(rows / seconds) : null);

/** A seed as `--json` prints it: the result with each rate worked out, the vacuum included in the total's. */
export function seedJson(result: BulkSeedResult) {
  const seconds = Math.round((result.insertSeconds + result.vacuumSeconds) * 1000) / 1000;
  return {
    ...result,
    tables: result.tables.map((table) => ({ ...table, rowsPerSecond: rate(table.rows, table.seconds) })),
    seconds,
    rowsPerSecond: rate(result.rows, seconds),
  };
}

function modeOf(result: BulkSeedResult): string {
  if (!result.exclusive) {
    return 'shared: every row checked as inserted';
  }
  return result.rebuildSeconds === null ? 'exclusive: writes to the tables held until commit' : 'exclusive bulk load: tables locked, indexes rebuilt';
}

/** The summary `tenants seed` prints: rows, seconds and rows/s per table, then the totals and the key account. */
export function seedText(output: CommandOutput, result: BulkSeedResult): string {
  const json = seedJson(result);
  const number = (value: number | null) => (value === null ? '' : value.toLocaleString('en-US'));
  const table = output.table(
    ['table', 'rows', 'seconds', 'rows/s'],
    [
      ...json.tables.map((row) => [row.table, number(row.rows), row.seconds.toFixed(2), number(row.rowsPerSecond)]),
      ...(json.rebuildSeconds === null ? [] : [['indexes and foreign keys rebuilt', '', json.rebuildSeconds.toFixed(2), '']]),
      ['inserted, one transaction', number(json.rows), json.insertSeconds.toFixed(2), number(rate(json.rows, json.insertSeconds))],
      ['vacuum analyze', '', json.vacuumSeconds.toFixed(2), ''],
      ['total', number(json.rows), json.seconds.toFixed(2), number(json.rowsPerSecond)],
    ],
  );
  return [
    `seeded tenant ${result.tenant.slug} with ${number(result.rows)} rows (${modeOf(result)})`,
    table,
    `key account   ${result.keyAccount.name} (${result.keyAccount.id})`,
  ].join('\n');
}
