import { badInput } from '../../errors/app-error.js';
import { DatasourceKind } from '../../generated/control/enums.js';
import { createDatabaseIfMissing, databaseNameOf, dropDatabaseIfExists, withDatabase } from '../provisioning/database-creation.js';
import { type DatasourceReference } from '../provisioning/provisioning-target.js';
import { assertDatasourceUrl, assertPoolMax, assertRegion } from '../provisioning/provisioning-input.js';

/**
 * Where a new tenant's rows go: a new dedicated database that provisioning creates on a server,
 * or an existing datasource (a pooled one, or a dedicated database someone made for it).
 */
export type TenantPlacement =
  | {
      kind: 'new-database';
      /** A URL of the server as a role with CREATEDB (usually its `postgres` database). Never echoed. */
      serverUrl: string;
      /** Default: `tenant_<slug>` with `-` as `_`. */
      database?: string;
      /** Default: `<slug>-dedicated`. */
      datasourceName?: string;
      poolMax?: number;
      region?: string;
    }
  | { kind: 'datasource'; datasource: DatasourceReference };

/** A placement made concrete: the datasource to provision onto, and how to undo what was made for it. */
export interface PreparedPlacement {
  datasource: DatasourceReference;
  /** The database created for this tenant, dropped again if provisioning fails; null when none was created. */
  createdDatabase: { adminUrl: string; name: string } | null;
}

/** The default database name for a tenant slug (`tenant_acme_events` for `acme-events`). */
export const defaultDatabaseName = (slug: string) => `tenant_${slug.replace(/-/g, '_')}`;

/** Validates a placement without touching any database. */
export function assertPlacement(placement: TenantPlacement): void {
  if (placement.kind !== 'new-database') {
    return;
  }
  assertDatasourceUrl(placement.serverUrl);
  if (placement.poolMax !== undefined) {
    assertPoolMax(placement.poolMax);
  }
  if (placement.region !== undefined) {
    assertRegion(placement.region);
  }
}

/**
 * Creates the tenant's database for a `new-database` placement. It refuses a database that
 * already exists: taking over a database nobody said was empty is how rows get mixed up, so an
 * existing database is given as a `datasource` placement instead.
 *
 * @throws AppError `BAD_USER_INPUT` when the database exists, `TENANT_UNAVAILABLE` when the server refuses.
 */
export async function preparePlacement(slug: string, placement: TenantPlacement): Promise<PreparedPlacement> {
  if (placement.kind === 'datasource') {
    return { datasource: placement.datasource, createdDatabase: null };
  }
  const name = placement.database ?? defaultDatabaseName(slug);
  const created = await createDatabaseIfMissing(placement.serverUrl, name);
  if (!created) {
    throw badInput(
      `database "${name}" already exists on that server; choose another name, or register it as an existing datasource`,
      'database',
    );
  }
  return {
    createdDatabase: { adminUrl: placement.serverUrl, name },
    datasource: {
      name: placement.datasourceName ?? `${slug}-dedicated`,
      kind: DatasourceKind.DEDICATED,
      url: withDatabase(placement.serverUrl, name),
      poolMax: placement.poolMax,
      region: placement.region,
    },
  };
}

/** Drops what {@link preparePlacement} created; nothing for an existing datasource. */
export async function undoPlacement(prepared: PreparedPlacement): Promise<void> {
  if (prepared.createdDatabase !== null) {
    await dropDatabaseIfExists(prepared.createdDatabase.adminUrl, prepared.createdDatabase.name);
  }
}

/** The server's maintenance URL for a dedicated datasource URL, to drop its database from. */
export function maintenanceUrlFor(url: string): { adminUrl: string; database: string } {
  const database = databaseNameOf(url);
  if (database === null) {
    throw badInput('the datasource URL names no database to drop', 'datasource');
  }
  return { adminUrl: withDatabase(url, 'postgres'), database };
}
