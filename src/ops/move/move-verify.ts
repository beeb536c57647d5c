import { type ClientBase } from 'pg';
import { type ControlClient } from '../../control/control-client.js';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { recordVerification } from './move-ledger.js';
import { fingerprintTable } from './table-checksum.js';
import { type TableLayout } from './table-layout.js';

/** One table's counts and checksums on both sides. */
export interface TableVerification {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  equal: boolean;
}

/** Counts and checksums the tenant's rows of every table on both sides (each side queried at once). */
export async function compareTables(sides: { source: ClientBase; target: ClientBase }, layouts: TableLayout[], tenantId: string): Promise<TableVerification[]> {
  const results: TableVerification[] = [];
  for (const layout of layouts) {
    const [source, target] = await Promise.all([fingerprintTable(sides.source, layout, tenantId), fingerprintTable(sides.target, layout, tenantId)]);
    results.push({
      table: layout.name,
      sourceRows: source.rows,
      targetRows: target.rows,
      sourceChecksum: source.checksum,
      targetChecksum: target.checksum,
      equal: source.rows === target.rows && source.checksum === target.checksum,
    });
  }
  return results;
}

/**
 * Records a comparison in the move's ledger and accepts it only when every table is equal. Taken
 * while the source is frozen, equal figures prove the copy complete.
 *
 * @throws AppError `TENANT_UNAVAILABLE` naming the tables that differ (after recording them).
 */
export async function acceptVerification(control: ControlClient, moveId: string, results: TableVerification[]): Promise<TableVerification[]> {
  for (const { table, sourceRows, targetRows, sourceChecksum, targetChecksum } of results) {
    await recordVerification(control, moveId, table, { sourceRows, targetRows, sourceChecksum, targetChecksum });
  }
  const differing = results.filter((result) => !result.equal);
  if (differing.length > 0) {
    throw new AppError(
      ErrorCode.TENANT_UNAVAILABLE,
      `verification failed: ${differing.map((d) => `${d.table} (${d.sourceRows} rows on the source, ${d.targetRows} on the target)`).join(', ')} differ; the tenant stays on its source`,
    );
  }
  return results;
}
