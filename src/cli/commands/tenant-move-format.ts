import { type MoveAbortResult } from '../../ops/move/move-abort.js';
import { type MoveResult } from '../../ops/move/tenant-move.js';
import { type CommandOutput } from '../output.js';

/** The human summary of a move: what went where, the catch-up, and a per-table verification table. */
export function moveText(output: CommandOutput, result: MoveResult): string {
  const { online, readOnly } = result.catchUp;
  const rows = result.tables.reduce((sum, table) => sum + table.targetRows, 0);
  const purged = result.purged === null ? null : Object.values(result.purged).reduce((sum, n) => sum + n, 0);
  return [
    `moved tenant ${result.tenant} from ${result.source} to ${result.target}${result.resumed ? ' (resumed)' : ''}`,
    result.createdDatabase === null ? null : `  database      ${result.createdDatabase} (created)`,
    `  copied        ${result.copiedRows} rows in batches; catch-up ${online.upserted} upserted, ${online.deleted} deleted while writable`,
    `  read-only     ${result.readOnlyMs} ms (final catch-up ${readOnly.upserted} upserted, ${readOnly.deleted} deleted)`,
    result.tables.length === 0 ? null : `  verified      ${rows} rows in ${result.tables.length} tables: counts and checksums equal`,
    purged === null ? null : `  purged        ${purged} rows from ${result.source}`,
    `  took          ${(result.durationMs / 1000).toFixed(1)} s`,
    result.tables.length === 0
      ? null
      : output.table(
          ['table', 'source rows', 'target rows', 'checksum', 'ok'],
          result.tables.map((table) => [table.table, table.sourceRows, table.targetRows, table.targetChecksum.slice(0, 12), table.equal ? 'yes' : 'NO']),
        ),
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** The human summary of an abort. */
export function abortText(result: MoveAbortResult): string {
  const removed = Object.values(result.removed).reduce((sum, n) => sum + n, 0);
  return [
    `aborted the move of ${result.tenant}: it stays on its source`,
    result.droppedDatabase === null ? `  removed ${removed} copied rows from the target` : `  dropped database ${result.droppedDatabase}`,
    result.datasourceRemoved ? '  removed the datasource the move had registered' : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
}
