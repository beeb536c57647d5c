import { indexByKey } from '../../graphql/loaders.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { keysetOrderBy, keysetWhere, pageOf, type KeysetOrder } from '../../graphql/pagination/keyset.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { delegateOf, type Json, type ModelName } from './entity-delegate.js';

/** A child row as a relation page holds it: anything with an id (links have no `updatedAt`). */
export type ChildRow = { id: string };

/** One relation page as every parent of a batch gets it: the same filter, order, cursor and size. */
export interface RelationQuery {
  /** The child entity's filter as the client gave it. */
  filter: object | null;
  /** The same filter as a Prisma `where`, without the cursor. */
  where: Json;
  order: KeysetOrder;
  after?: string | null;
  size: number;
  /** Whether to count each parent's children under the filter (the client selected `totalCount`). */
  countTotal: boolean;
}

/**
 * Reads one relation's page for each parent id, in the order of the ids, with one statement for
 * the whole batch. `tenantId` is the caller's tenant, for a reader that writes its own SQL.
 */
export type RelationReader = (db: TenantDb, tenantId: string, parentIds: readonly string[], query: RelationQuery) => Promise<Page<ChildRow>[]>;

type ParentRow = { id: string; _count?: Record<string, number> } & Record<string, unknown>;

/** The children rows of a parent row as the nested select returned them. */
type ChildrenOf = (parent: ParentRow) => ChildRow[];

/**
 * Reads the pages through the parents: one `findMany` of the parents whose nested select pages
 * the relation (`take: size + 1`, keyset `where`, `orderBy`) and, when asked, counts it. With
 * Prisma's relation joins that is one statement whose LATERAL subquery stops after `size + 1`
 * rows per parent, so a page never reads a parent's whole child table.
 */
function readThroughParents(parent: ModelName, relation: string, nest: (page: Json) => Json, childrenOf: ChildrenOf): RelationReader {
  return async (db, _tenantId, parentIds, query) => {
    const page = nest({ where: keysetWhere(query.order, query.where, query.after), orderBy: keysetOrderBy(query.order), take: query.size + 1 });
    const count = query.countTotal ? { _count: { select: { [relation]: { where: nest({ where: query.where }).where } } } } : {};
    const parents = await delegateOf<ParentRow>(db, parent).findMany({ where: { id: { in: [...parentIds] } }, select: { id: true, [relation]: page, ...count } });
    return indexByKey(parentIds, parents, (row) => row.id).map((row) => {
      const total = query.countTotal ? (row?._count?.[relation] ?? 0) : undefined;
      return pageOf(row ? childrenOf(row) : [], query.size, query.order, total);
    });
  };
}

/** Pages of a has-many relation of the parent model, e.g. `('account', 'communications')`. */
export function childrenThrough(parent: ModelName, relation: string): RelationReader {
  return readThroughParents(parent, relation, (page) => page, (row) => (row[relation] as ChildRow[] | undefined) ?? []);
}

/** Whether a link's linked row lives in the link's own tenant (the scoped `where` filtered the links only). */
function ownLink(link: Json, linked: string): boolean {
  return (link[linked] as Json | null)?.tenantId === link.tenantId;
}

/**
 * Pages of the rows linked to the parent through a junction, e.g. an account's contacts through
 * `account_contacts` (`('account', 'contacts', 'contact')`): the filter, cursor and order apply to
 * the linked row. A linked row is returned only when it belongs to the link's own tenant, a
 * second wall behind the scoped `where`.
 */
export function linkedThrough(parent: ModelName, relation: string, linked: string): RelationReader {
  const nest = (page: Json): Json => ({
    ...page,
    where: { [linked]: page.where },
    ...(Array.isArray(page.orderBy) ? { orderBy: page.orderBy.map((order: Json) => ({ [linked]: order })), select: { tenantId: true, [linked]: true } } : {}),
  });
  const childrenOf: ChildrenOf = (row) =>
    ((row[relation] as Json[] | undefined) ?? []).filter((link) => ownLink(link, linked)).map((link) => link[linked] as ChildRow);
  return readThroughParents(parent, relation, nest, childrenOf);
}

/**
 * Pages of the junction rows themselves, e.g. an account's links to contacts with their role
 * (`('account', 'contacts', 'contact')`), each only when its linked row is in the link's tenant.
 */
export function linksThrough(parent: ModelName, relation: string, linked: string): RelationReader {
  const nest = (page: Json): Json => (Array.isArray(page.orderBy) ? { ...page, include: { [linked]: { select: { tenantId: true } } } } : page);
  const childrenOf: ChildrenOf = (row) =>
    ((row[relation] as Json[] | undefined) ?? []).filter((link) => ownLink(link, linked)).map(({ [linked]: _checked, ...link }) => link as ChildRow);
  return readThroughParents(parent, relation, nest, childrenOf);
}
