import type DataLoader from 'dataloader';
import { type RequestContext } from '../../graphql/context.js';
import { groupByKey, indexByKey } from '../../graphql/loaders.js';
import { delegateOf, type Json, type ModelName } from './entity-delegate.js';

/** A per-request loader, made on first use in a request and shared by every field of it. */
export type LoaderOf<V> = (context: RequestContext) => DataLoader<string, V>;

/** Rows of a model by id: one query per model per request, whatever the page size. */
export function byIdLoader<T extends { id: string }>(model: ModelName): LoaderOf<T | null> {
  return (context) =>
    context.loaders.get(`${model}.byId`, async (ids) => {
      const db = await context.tenantDb();
      const rows = await delegateOf<T>(db, model).findMany({ where: { id: { in: [...ids] } } });
      return indexByKey(ids, rows, (row) => row.id);
    });
}

/**
 * The rows of a model whose `foreignKey` is one of the keys, grouped per key, in `orderBy` order:
 * one query per relation per request. `where` narrows the rows (e.g. an attachment's subject type).
 */
export function hasManyLoader<T extends Json>(model: ModelName, foreignKey: string, orderBy: Json[] = [{ createdAt: 'asc' }, { id: 'asc' }], where: Json = {}): LoaderOf<T[]> {
  const name = `${model}.by.${foreignKey}.${JSON.stringify(where)}`;
  return (context) =>
    context.loaders.get(name, async (keys) => {
      const db = await context.tenantDb();
      const rows = await delegateOf<T>(db, model).findMany({ where: { ...where, [foreignKey]: { in: [...keys] } }, orderBy });
      return groupByKey(keys, rows, (row) => String(row[foreignKey]));
    });
}

/** Loads an optional reference: null without a query when the id is null. */
export function loadOptional<V>(loader: DataLoader<string, V | null>, id: string | null): Promise<V | null> | null {
  return id ? loader.load(id) : null;
}
