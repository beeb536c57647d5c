import { type ControlClient } from '../../control/control-client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { type Json, type ModelName } from './entity-delegate.js';

/** Who writes, where: what create/update hooks may need beyond the input. */
export interface WriteScope {
  db: TenantDb;
  control: ControlClient;
  tenantId: string;
  userId: string;
}

/** A reference field's target: the model it names, and how a message calls it. */
export interface Reference {
  model: ModelName;
  label: string;
}

/**
 * What makes one entity different from the next: its model, how its filter becomes a `where`,
 * its default order, which fields reference rows or users, and its own rules. The generic
 * {@link createEntityService} does everything else the same way for every entity.
 */
export interface EntityDefinition<TFilter> {
  /** The GraphQL type name, e.g. `EventDate`: used in NOT_FOUND and CONFLICT messages. */
  name: string;
  model: ModelName;
  where(filter: TFilter): Json;
  /** The Prisma field a list is sorted by when `orderBy` is omitted. */
  defaultOrder: string;
  /** Sortable fields that may hold NULL (their NULLs come last in both directions). */
  nullableOrder?: readonly string[];
  /** Fields an update may omit but not clear with null. */
  required?: readonly string[];
  /** Fields holding ids of rows of this tenant, checked before a write. */
  references?: Readonly<Record<string, Reference>>;
  /** Fields holding control-plane user ids, which must be members of this tenant. */
  users?: readonly string[];
  /**
   * Checks the row as it would be after the write (`next`: the current row merged with `data`)
   * and returns the data to write, e.g. with derived fields. Throw BAD_USER_INPUT naming a field.
   */
  prepare?(next: Json, data: Json, scope: WriteScope, mode: 'create' | 'update'): Json | Promise<Json>;
}
