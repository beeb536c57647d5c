import pg from 'pg';
import { tenantTablesInForeignKeyOrder } from '../../src/ops/tenant-data/table-order.js';
import { fingerprintTable } from '../../src/ops/move/table-checksum.js';
import { readTableLayouts } from '../../src/ops/move/table-layout.js';

/** Row count and per-table checksums of one tenant's rows in a database: equal fingerprints, same rows. */
export async function tenantFingerprint(url: string, tenantId: string): Promise<{ rows: number; tables: Record<string, string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'; SET datestyle = 'ISO, MDY'; SET extra_float_digits = 1");
    const layouts = await readTableLayouts(client, await tenantTablesInForeignKeyOrder(client));
    const fingerprint = { rows: 0, tables: {} as Record<string, string> };
    for (const layout of layouts) {
      const table = await fingerprintTable(client, layout, tenantId);
      fingerprint.rows += table.rows;
      fingerprint.tables[layout.name] = `${table.rows}:${table.checksum}`;
    }
    return fingerprint;
  } finally {
    await client.end();
  }
}
