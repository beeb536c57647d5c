import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { decryptDatasourceUrl } from '../provisioning/datasource-registration.js';
import { tenantTablesInForeignKeyOrder } from '../tenant-data/table-order.js';
import { openMoveConnection, type MoveConnection } from './move-connection.js';
import { assertSameLayouts, readTableLayouts, type TableLayout } from './table-layout.js';

/** Both ends of a move, connected, with the table layout they share. */
export interface MoveSides {
  source: MoveConnection;
  target: MoveConnection;
  /** Decrypted source URL (to purge from, and to scrub from messages). */
  sourceUrl: string;
  targetUrl: string;
  /** Tenant tables in foreign-key order. */
  layouts: TableLayout[];
  /** The target's latest applied tenant migration, recorded on the tenant at the switch. */
  targetSchemaVersion: string | null;
  close(): Promise<void>;
}

/**
 * Connects to a move's source and target datasources and checks that their tenant tables match.
 *
 * @throws AppError `BAD_USER_INPUT` for a schema mismatch, `TENANT_UNAVAILABLE` for a database
 *   that cannot be reached or a URL that does not decrypt.
 */
export async function openMoveSides(
  deps: { control: ControlClient; keyRing: KeyRing },
  move: { sourceDatasourceId: string; targetDatasourceId: string },
): Promise<MoveSides> {
  const [source, target] = await Promise.all(
    [move.sourceDatasourceId, move.targetDatasourceId].map(async (id) => {
      const datasource = await deps.control.datasource.findUniqueOrThrow({ where: { id } });
      return { name: datasource.name, url: decryptDatasourceUrl(deps.keyRing, datasource) };
    }),
  );
  return connectMoveSides(source as DatasourceEnd, target as DatasourceEnd);
}

/** A datasource to connect to: its name (for messages) and decrypted URL. */
export interface DatasourceEnd {
  name: string;
  url: string;
}

/** {@link openMoveSides} for datasources given by URL (a target not registered yet). */
export async function connectMoveSides(sourceEnd: DatasourceEnd, targetEnd: DatasourceEnd): Promise<MoveSides> {
  const sourceUrl = sourceEnd.url;
  const targetUrl = targetEnd.url;
  const source = await openMoveConnection(sourceUrl, sourceEnd.name);
  const close = async () => {
    await source.close();
    await target?.close();
  };
  let target: MoveConnection | undefined;
  try {
    target = await openMoveConnection(targetUrl, targetEnd.name);
    const layouts = await readTableLayouts(source.client, await tenantTablesInForeignKeyOrder(source.client));
    assertSameLayouts(layouts, await readTableLayouts(target.client, await tenantTablesInForeignKeyOrder(target.client)));
    return { source, target, sourceUrl, targetUrl, layouts, targetSchemaVersion: await latestMigration(target), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function latestMigration(connection: MoveConnection): Promise<string | null> {
  const { rows: ledger } = await connection.client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
  if (ledger[0]?.exists !== true) {
    return null;
  }
  const { rows } = await connection.client.query<{ name: string | null }>(
    'SELECT max(migration_name) AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return rows[0]?.name ?? null;
}
