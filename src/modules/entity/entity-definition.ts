import { type ControlClient } from '../../control/control-client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { type Json, type ModelName } from './entity-delegate.js';
import { type FieldOf, type WhereOf } from './model-types.js';

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

/** How a list of an entity is filtered and sorted: what relation connections of it read too. */
export interface ListRules<TFilter> {
  where(filter: TFilter): Json;
  /** The field a list is sorted by when `orderBy` is omitted. */
  defaultOrder: string;
  /** Sortable fields that may hold NULL (their NULLs come last in both directions). */
  nullableOrder?: readonly string[];
}

/**
 * What makes one entity different from the next: its model (which names it everywhere: `eventDate`
 * is the type `EventDate`, the lists `eventDates`), how its filter becomes the model's `where`, its
 * default order, which fields reference rows or users, and its own rules. Every field name is
 * checked against the model's columns. The generic {@link createEntityService} does the rest the
 * same way for every entity.
 */
export interface EntityDefinition<M extends ModelName, TFilter> extends ListRules<TFilter> {
  model: M;
  where(filter: TFilter): WhereOf<M>;
  defaultOrder: FieldOf<M>;
  nullableOrder?: readonly FieldOf<M>[];
  /** Fields an update may omit but not clear with null. */
  required?: readonly FieldOf<M>[];
  /** Fields holding ids of rows of this tenant, checked before a write. */
  references?: Readonly<Partial<Record<FieldOf<M>, Reference>>>;
  /** Fields holding control-plane user ids, which must be members of this tenant. */
  users?: readonly FieldOf<M>[];
  /**
   * Checks the row as it would be after the write (`next`: the current row merged with `data`)
   * and returns the data to write, e.g. with derived fields. Throw BAD_USER_INPUT naming a field.
   */
  prepare?(next: Json, data: Json, scope: WriteScope, mode: 'create' | 'update'): Json | Promise<Json>;
}
