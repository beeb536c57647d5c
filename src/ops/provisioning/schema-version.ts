import { publishChanges } from '../../control/change-feed.js';
import { badInput } from '../../errors/app-error.js';
import { type ControlWriter } from './datasource-registration.js';
import { assertUuid } from './provisioning-input.js';

/**
 * Records that every tenant of a datasource is at schema `version`: a datasource is migrated once
 * for all the tenants it holds (a pooled one holds several), so their versions move together.
 * Rows already at `version` are left alone, so their `updatedAt` keeps meaning something. Gateways
 * are told to drop the datasource's cached routes, which carry the version they check.
 *
 * @param version - the migration folder name, e.g. `20261124200000_init`.
 * @returns how many tenant rows changed.
 */
export async function recordSchemaVersion(control: ControlWriter, datasourceId: string, version: string): Promise<number> {
  assertUuid(datasourceId, 'datasourceId');
  if (typeof version !== 'string' || version.trim().length === 0) {
    throw badInput('schema version must be a migration name', 'version');
  }
  const { count } = await control.tenant.updateMany({
    // `not` alone would skip NULLs (SQL's three-valued logic), i.e. tenants never versioned.
    where: { datasourceId, OR: [{ schemaVersion: null }, { schemaVersion: { not: version } }] },
    data: { schemaVersion: version },
  });
  if (count > 0) {
    await publishChanges(control, { kind: 'datasource', datasourceId, reconnect: false });
  }
  return count;
}
