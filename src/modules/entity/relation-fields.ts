import { type GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, type ClassType, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { type RequestContext } from '../../graphql/context.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { decodeCursor } from '../../graphql/pagination/cursor.js';
import { orderingOf } from '../../graphql/pagination/keyset.js';
import { pageSize } from '../../graphql/pagination/paginate.js';
import { selectsField } from '../../graphql/pagination/selection.js';
import { type ListRules } from './entity-definition.js';
import { ListArgsOf } from './entity-inputs.js';
import { keysetOrderOf, type ListArgs, type ListOrder } from './entity-service.js';
import { type ChildRow, type RelationQuery, type RelationReader } from './relation-page.js';

/** A child entity as its relation connections list it: its rules and its GraphQL types. */
export interface EntityList<TFilter extends object> {
  definition: ListRules<TFilter>;
  connection: ClassType;
  filter: ClassType<TFilter>;
  order: ClassType;
}

/** An entity's list as relation connections of it read it. */
export function entityList<TFilter extends object>(
  service: { definition: ListRules<TFilter> },
  connection: ClassType,
  filter: ClassType<TFilter>,
  order: ClassType,
): EntityList<TFilter> {
  return { definition: service.definition, connection, filter, order };
}

/** One has-many relation field of a parent type, a connection of the child entity. */
export interface HasMany<TFilter extends object = object> {
  child: EntityList<TFilter>;
  read: RelationReader;
  description: string;
  /** The order when `orderBy` is omitted, and how the argument's description says it. */
  defaultOrder: ListOrder & { text: string };
}

// Library seam: a TypeScript mixin's base must be typed as a constructor taking `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResolverClass = abstract new (...args: any[]) => object;

/** A relation's pages for one request and one set of arguments, batched over the parents. */
function loadPage(ctx: RequestContext, key: string, relation: HasMany, query: RelationQuery, parentId: string): Promise<Page<ChildRow>> {
  const tenantId = ctx.principal?.tenantId;
  if (!tenantId) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'sign in first');
  }
  const loader = ctx.loaders.get(`${key}:${JSON.stringify(query)}`, async (parentIds) => relation.read(await ctx.tenantDb(), tenantId, parentIds, query));
  return loader.load(parentId);
}

/** The query of one field call; bad arguments (page size, cursor) fail here, for this field alone. */
function queryOf(relation: HasMany, args: ListArgs<unknown>, info: GraphQLResolveInfo): RelationQuery {
  const { definition } = relation.child;
  const order = keysetOrderOf(definition, args.orderBy, relation.defaultOrder);
  if (args.after) {
    decodeCursor(args.after, orderingOf(order));
  }
  return {
    filter: args.filter ?? null,
    where: args.filter ? definition.where(args.filter) : {},
    order,
    after: args.after ?? null,
    size: pageSize(args.first),
    countTotal: selectsField(info, 'totalCount'),
  };
}

/**
 * Adds the has-many relations of a type to its resolver (type-graphql resolver inheritance), each a
 * connection with the child list's own `first`, `after`, `filter` and `orderBy`, and each read with
 * one statement per relation and request, whatever the number of parents (see `relation-page.ts`).
 * The fields are declared by applying type-graphql's decorators to generated methods, so a module
 * lists its relations as data instead of repeating the same five-line field for each.
 */
export function withRelations<TBase extends ResolverClass>(Base: TBase, type: ClassType, relations: Record<string, HasMany>) {
  @Resolver(() => type)
  abstract class Relations extends Base {}
  for (const [field, relation] of Object.entries(relations)) {
    const key = `${type.name}.${field}`;
    @ArgsType()
    class RelationArgs extends ListArgsOf(relation.child.filter, relation.child.order, relation.defaultOrder.text) {}
    const resolve = (row: { id: string }, args: ListArgs<unknown>, info: GraphQLResolveInfo, ctx: RequestContext) =>
      loadPage(ctx, key, relation, queryOf(relation, args, info), row.id);
    Object.defineProperty(Relations.prototype, field, { value: resolve, configurable: true, writable: true });
    const prototype = Relations.prototype as object;
    Root()(prototype, field, 0);
    Args(() => RelationArgs)(prototype, field, 1);
    Info()(prototype, field, 2);
    Ctx()(prototype, field, 3);
    FieldResolver(() => relation.child.connection, { description: relation.description })(prototype, field, Object.getOwnPropertyDescriptor(prototype, field) as PropertyDescriptor);
  }
  return Relations;
}

/** A has-many relation field: `read` finds the children, the child list gives its types and rules. */
export function hasMany<TFilter extends object>(child: EntityList<TFilter>, read: RelationReader, description: string, defaultOrder?: ListOrder & { text: string }): HasMany {
  const fallback = defaultOrder ?? { field: child.definition.defaultOrder, direction: 'asc', text: `${child.definition.defaultOrder} ascending` };
  // The field hands `where` the filter its own args class validated, so erasing TFilter here is safe.
  return { child: child as unknown as EntityList<object>, read, description, defaultOrder: fallback };
}
