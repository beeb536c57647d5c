import { type ClientBase } from 'pg';
import { type ControlClient } from '../../control/control-client.js';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { recordVerification } from './move-ledger.js';
import { fingerprintTable } from './table-checksum.js';
import { type TableLayout } from './table-layout.js';

/** One table's verification. */
export interface TableVerification {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  equal: boolean;
}

/**
 * Counts and checksums the tenant's rows of every table on both sides and records the figures in
 * the move's ledger. Run while the source is frozen, so equal figures prove the copy complete.
 *
 * @throws AppError `TENANT_UNAVAILABLE` naming the tables that differ (after recording them).
 */
export async function verifyTables(
  control: ControlClient,
  moveId: string,
  sides: { source: ClientBase; target: ClientBase },
  layouts: TableLayout[],
  tenantId: string,
): Promise<TableVerification[]> {
  const results: TableVerification[] = [];
  for (const layout of layouts) {
    const [source, target] = await Promise.all([fingerprintTable(sides.source, layout, tenantId), fingerprintTable(sides.target, layout, tenantId)]);
    const figures = { sourceRows: source.rows, targetRows: target.rows, sourceChecksum: source.checksum, targetChecksum: target.checksum };
    await recordVerification(control, moveId, layout.name, figures);
    results.push({ table: layout.name, ...figures, equal: source.rows === target.rows && source.checksum === target.checksum });
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
