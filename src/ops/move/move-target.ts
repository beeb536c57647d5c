import { type Prisma } from '../../generated/control/client.js';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { type Datasource } from '../../generated/control/client.js';
import { decryptDatasourceUrl, registerDatasource, type DatasourceRegistration } from '../provisioning/datasource-registration.js';
import { migrateDatasource } from '../provisioning/tenant-provisioning.js';
import { assertPlacement, preparePlacement, undoPlacement, type TenantPlacement } from '../tenants/tenant-placement.js';

/** A new dedicated database, as `tenants create` makes one. */
type NewDatabasePlacement = Extract<TenantPlacement, { kind: 'new-database' }>;

/**
 * Where a tenant moves to: an existing datasource (id or name: a pooled one, or a dedicated database
 * someone made), or a new dedicated database the move creates, migrates and registers on a server.
 */
export type MoveDestination = { kind: 'datasource'; datasource: string } | NewDatabasePlacement;

/** A move's target, ready to copy into. */
export interface MoveTarget {
  datasource: Datasource;
  /** Decrypted, kept in memory only. */
  url: string;
  /** The database created for this move, or null. */
  createdDatabase: string | null;
}

/** Finds a registered datasource by id or name. @throws AppError `NOT_FOUND`. */
async function findDatasource(control: ControlClient, idOrName: string): Promise<Datasource> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const datasource = await control.datasource.findUnique({ where: byId ? { id: idOrName } : { name: idOrName } });
  if (datasource === null) {
    throw notFound('datasource', idOrName);
  }
  return datasource;
}

/**
 * Makes the target concrete. For a new database it creates the database (refusing one that
 * exists) and applies the tenant migrations; then `check` runs, and `record` gets the transaction
 * that registers the new datasource, so the move is recorded with it atomically. If any of that
 * fails, a database created here is dropped again.
 */
export async function prepareMoveTarget<T>(
  deps: { control: ControlClient; keyRing: KeyRing; migrationsDir: string },
  slug: string,
  destination: MoveDestination,
  steps: {
    /** Checks the target before anything is recorded (a new database is dropped when it throws). */
    check: (target: { name: string; url: string; datasourceId: string | null }) => Promise<void>;
    /** Records the move in the control plane, in the transaction that registers a new datasource. */
    record: (tx: Prisma.TransactionClient, target: MoveTarget) => Promise<T>;
  },
): Promise<{ target: MoveTarget; recorded: T }> {
  if (destination.kind === 'datasource') {
    const datasource = await findDatasource(deps.control, destination.datasource);
    const target = { datasource, url: decryptDatasourceUrl(deps.keyRing, datasource), createdDatabase: null };
    await steps.check({ name: datasource.name, url: target.url, datasourceId: datasource.id });
    return { target, recorded: await deps.control.$transaction((tx) => steps.record(tx, target)) };
  }
  if (destination.kind !== 'new-database') {
    throw badInput('destination must be a datasource or a new database', 'to');
  }
  assertPlacement(destination);
  const prepared = await preparePlacement(slug, destination);
  try {
    const registration = prepared.datasource as DatasourceRegistration;
    await migrateDatasource({ name: registration.name, url: registration.url, datasourceId: null, registration }, deps.migrationsDir);
    await steps.check({ name: registration.name, url: registration.url, datasourceId: null });
    return await deps.control.$transaction(async (tx) => {
      const datasource = await registerDatasource(tx, deps.keyRing, registration);
      const target = { datasource, url: registration.url, createdDatabase: prepared.createdDatabase?.name ?? null };
      return { target, recorded: await steps.record(tx, target) };
    });
  } catch (error) {
    await undoPlacement(prepared).catch(() => undefined);
    throw error;
  }
}
