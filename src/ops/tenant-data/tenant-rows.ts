import pg from 'pg';
import { assertUuid } from '../provisioning/provisioning-input.js';
import { tableIdentifier, tenantTablesInForeignKeyOrder } from './table-order.js';

/** Rows removed per table by {@link purgeTenantRows}. */
export type PurgeSummary = Record<string, number>;

/**
 * Deletes every row of one tenant from a database (pooled or dedicated), children before parents,
 * in one transaction: it either removes the tenant's rows from every table or from none. Other
 * tenants' rows are untouched, since every statement is `WHERE tenant_id = $1`.
 *
 * @param url - the datasource's decrypted URL; never repeated in errors.
 * @returns rows deleted per table (tables with none are left out).
 */
export async function purgeTenantRows(url: string, tenantId: string): Promise<PurgeSummary> {
  assertUuid(tenantId, 'tenantId');
  const client = new pg.Client({ connectionString: url, application_name: 'tenantgate-purge' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const tables = await tenantTablesInForeignKeyOrder(client);
    const summary: PurgeSummary = {};
    await client.query('BEGIN');
    try {
      for (const table of [...tables].reverse()) {
        const { rowCount } = await client.query(`DELETE FROM ${tableIdentifier(table)} WHERE tenant_id = $1`, [tenantId]);
        if ((rowCount ?? 0) > 0) {
          summary[table.name] = rowCount ?? 0;
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return summary;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** How many rows of one tenant each tenant table holds (tables with none are left out). */
export async function countTenantRows(url: string, tenantId: string): Promise<Record<string, number>> {
  assertUuid(tenantId, 'tenantId');
  const client = new pg.Client({ connectionString: url, application_name: 'tenantgate-count' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await tenantTablesInForeignKeyOrder(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${tableIdentifier(table)} WHERE tenant_id = $1`, [tenantId]);
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) {
        counts[table.name] = n;
      }
    }
    return counts;
  } finally {
    await client.end().catch(() => undefined);
  }
}
