import { AppError, badInput, ErrorCode, notFound } from '../../errors/app-error.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { type Direction, type KeysetOrder } from '../../graphql/pagination/keyset.js';
import { paginate } from '../../graphql/pagination/paginate.js';
import { type PageArgs } from '../../graphql/pagination/page-args.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { assertTenantMember } from '../users/membership-guard.js';
import { delegateOf, type EntityRow, type Json, type ModelName } from './entity-delegate.js';
import { type EntityDefinition, type ListRules, type Reference, type WriteScope } from './entity-definition.js';
import { typeNameOf } from './entity-names.js';
import { type RowOf } from './model-types.js';

/** A list's `orderBy` as the client gave it. */
export interface ListOrder {
  field: string;
  direction: Direction;
}

/** A list's arguments: paging plus the entity's own filter and order. */
export interface ListArgs<TFilter> extends PageArgs {
  filter?: TFilter | null;
  orderBy?: ListOrder | null;
}

/** The keyset order of a list: the client's `orderBy`, or the list's default, NULLs last where the entity says the field may be NULL. */
export function keysetOrderOf(definition: Pick<ListRules<unknown>, 'nullableOrder'>, orderBy: ListOrder | null | undefined, fallback: ListOrder): KeysetOrder {
  const { field, direction } = orderBy ?? fallback;
  return { field, direction, nullable: definition.nullableOrder?.includes(field) ?? false };
}

/** The five operations every entity has, the same way for all of them. */
export interface EntityService<T extends EntityRow, TFilter> {
  /** What the service was made from: the resolver names the entity by it, relation connections list by it. */
  readonly definition: EntityDefinition<ModelName, TFilter>;
  /** A page of the list; `countTotal` when the client selected `totalCount`. */
  list(db: TenantDb, args: ListArgs<TFilter>, countTotal: boolean): Promise<Page<T>>;
  get(db: TenantDb, id: string): Promise<T>;
  create(scope: WriteScope, input: object): Promise<T>;
  update(scope: WriteScope, id: string, input: object, expectedUpdatedAt?: Date | null): Promise<T>;
  delete(scope: WriteScope, id: string, expectedUpdatedAt?: Date | null): Promise<T>;
}

/** CONFLICT: the row changed after the `expectedUpdatedAt` the client last read. */
export function conflict(name: string, id: string, current: EntityRow, expected: Date): AppError {
  return new AppError(
    ErrorCode.CONFLICT,
    `${name} ${id} was changed at ${current.updatedAt.toISOString()}, after the expected ${expected.toISOString()}; reload it and retry`,
    { entity: name, id, updatedAt: current.updatedAt.toISOString() },
  );
}

/** Drops omitted fields; on create a null also means "not given", so column defaults apply. */
function given(input: object, dropNulls: boolean): Json {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && !(dropNulls && value === null)));
}

/**
 * The generic service behind every entity module: keyset lists, get-by-id with NOT_FOUND,
 * create, update (omitted fields kept, null clears) and delete. Updates and deletes with
 * `expectedUpdatedAt` are atomic compare-and-set: the write's own `where` carries the expected
 * timestamp, so a concurrent edit that lands first makes it match nothing, and it fails with CONFLICT.
 */
export function createEntityService<M extends ModelName, TFilter>(definition: EntityDefinition<M, TFilter>): EntityService<RowOf<M> & EntityRow, TFilter> {
  type T = RowOf<M> & EntityRow;
  const name = typeNameOf(definition.model);
  const rows = (db: TenantDb) => delegateOf<T>(db, definition.model);

  async function get(db: TenantDb, id: string): Promise<T> {
    const row = await rows(db).findUnique({ where: { id } });
    if (!row) {
      throw notFound(name, id);
    }
    return row;
  }

  async function checkReferences(scope: WriteScope, data: Json): Promise<void> {
    const references = Object.entries(definition.references ?? {}) as [string, Reference][];
    const checks = references
      .filter(([field]) => typeof data[field] === 'string')
      .map(async ([field, reference]) => {
        const found = await delegateOf(scope.db, reference.model).count({ where: { id: data[field] } });
        if (found === 0) {
          throw badInput(`${field} must be the id of ${reference.label} of this tenant`, field);
        }
      });
    const users = (definition.users ?? [])
      .filter((field) => typeof data[field] === 'string')
      .map((field) => assertTenantMember(scope.control, scope.tenantId, data[field] as string, field));
    await Promise.all([...checks, ...users]);
  }

  async function prepared(scope: WriteScope, next: Json, data: Json, mode: 'create' | 'update'): Promise<Json> {
    await checkReferences(scope, data);
    return definition.prepare ? definition.prepare(next, data, scope, mode) : data;
  }

  /** After a write matched nothing: the row is gone (NOT_FOUND) or was changed (CONFLICT). */
  async function missedWrite(db: TenantDb, id: string, expected: Date | null | undefined): Promise<AppError> {
    const current = await rows(db).findUnique({ where: { id } });
    return current && expected ? conflict(name, id, current, expected) : notFound(name, id);
  }

  function guard(id: string, expected: Date | null | undefined): Json {
    return expected ? { id, updatedAt: expected } : { id };
  }

  return {
    // Library seam: the definition's model-typed parts are read only through the model-free ListRules view.
    definition: definition as unknown as EntityDefinition<ModelName, TFilter>,
    list(db, args, countTotal) {
      return paginate<T>({
        findMany: (query) => rows(db).findMany(query),
        count: (query) => rows(db).count(query),
        where: args.filter ? definition.where(args.filter) : {},
        order: keysetOrderOf(definition, args.orderBy, { field: definition.defaultOrder, direction: 'asc' }),
        first: args.first,
        after: args.after,
        countTotal,
      });
    },
    get,
    async create(scope, input) {
      const data = given(input, true);
      return rows(scope.db).create({ data: { ...(await prepared(scope, data, data, 'create')), tenantId: scope.tenantId } });
    },
    async update(scope, id, input, expected) {
      const data = given(input, false);
      const cleared = (definition.required ?? []).filter((field) => data[field] === null);
      if (cleared.length > 0) {
        throw badInput(`${cleared.join(', ')} cannot be cleared; omit ${cleared.length > 1 ? 'them' : 'it'} to keep the current value`, cleared[0]);
      }
      const current = await get(scope.db, id);
      if (expected && current.updatedAt.getTime() !== expected.getTime()) {
        throw conflict(name, id, current, expected);
      }
      const write = await prepared(scope, { ...current, ...data }, data, 'update');
      const { count } = await rows(scope.db).updateMany({ where: guard(id, expected), data: write });
      if (count === 0) {
        throw await missedWrite(scope.db, id, expected);
      }
      return get(scope.db, id);
    },
    async delete(scope, id, expected) {
      const current = await get(scope.db, id);
      if (expected && current.updatedAt.getTime() !== expected.getTime()) {
        throw conflict(name, id, current, expected);
      }
      const { count } = await rows(scope.db).deleteMany({ where: guard(id, expected) });
      if (count === 0) {
        throw await missedWrite(scope.db, id, expected);
      }
      return current;
    },
  };
}
