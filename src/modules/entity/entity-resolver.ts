import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import { type Principal } from '../../auth/principal.js';
import { Access } from '../../graphql/access.js';
import { type RequestContext } from '../../graphql/context.js';
import { CurrentPrincipal, TenantDb, TenantWriteDb } from '../../graphql/decorators.js';
import { parseId } from '../../graphql/ids.js';
import { selectsField } from '../../graphql/pagination/selection.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { type EntityRow } from './entity-delegate.js';
import { type WriteScope } from './entity-definition.js';
import { entityNamesOf, type EntityNames } from './entity-names.js';
import { type EntityService, type ListArgs } from './entity-service.js';

/** The GraphQL classes of one entity's operations; its names come from its model (see entity-names.ts). */
export interface EntityResolverOptions<T extends EntityRow, TFilter> {
  service: EntityService<T, TFilter>;
  objectType: ClassType;
  connectionType: ClassType;
  argsType: ClassType<ListArgs<TFilter>>;
  createInput: ClassType;
  updateInput: ClassType;
}

const EXPECTED_UPDATED_AT =
  "The row's updatedAt as last read; when the row changed since, the mutation fails with CONFLICT and changes nothing. Omit to write unconditionally.";

function scopeOf(db: Db, principal: Principal, ctx: RequestContext): WriteScope {
  return { db, control: ctx.control, tenantId: principal.tenantId, userId: principal.userId };
}

/**
 * List, get, create, update and delete for one entity, declared once (type-graphql's resolver
 * inheritance): a module's resolver extends the class this returns and adds only its relations.
 * VIEWER reads, MEMBER creates and updates, ADMIN deletes. `entity` names it for the registry; the
 * names come from the service's model, so `eventDate` is `eventDate`, `eventDates`, `createEventDate`.
 */
export function createEntityResolver<T extends EntityRow, TFilter>(options: EntityResolverOptions<T, TFilter>) {
  const { service } = options;
  const { one, many, typeName, noun } = entityNamesOf(service.definition.model);

  @Resolver()
  abstract class EntityResolver {
    static readonly entity: EntityNames = { one, many, typeName, noun };

    @Authorized(Access.VIEWER)
    @Query(() => options.connectionType, { name: many, description: `A page of this tenant's ${noun}.` })
    list(@Args(() => options.argsType) args: ListArgs<TFilter>, @TenantDb() db: Db, @Info() info: GraphQLResolveInfo): Promise<unknown> {
      return service.list(db, args, selectsField(info, 'totalCount'));
    }

    @Authorized(Access.VIEWER)
    @Query(() => options.objectType, { name: one, description: `One of this tenant's ${noun} by id; NOT_FOUND if there is none.` })
    get(@Arg('id', () => ID, { description: 'The id of the row.' }) id: string, @TenantDb() db: Db): Promise<T> {
      return service.get(db, parseId(id));
    }

    @Authorized(Access.MEMBER)
    @Mutation(() => options.objectType, { name: `create${typeName}`, description: `Creates one of ${noun}.` })
    create(
      @Arg('input', () => options.createInput, { description: 'The new row; references must be rows of this tenant.' }) input: object,
      @TenantWriteDb() db: Db,
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: RequestContext,
    ): Promise<T> {
      return service.create(scopeOf(db, principal, ctx), input);
    }

    @Authorized(Access.MEMBER)
    @Mutation(() => options.objectType, { name: `update${typeName}`, description: 'Omitted fields are kept; null clears an optional field.' })
    update(
      @Arg('id', () => ID, { description: 'The row to change.' }) id: string,
      @Arg('input', () => options.updateInput, { description: 'The fields to change.' }) input: object,
      @Arg('expectedUpdatedAt', () => Date, { nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: Date | null,
      @TenantWriteDb() db: Db,
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: RequestContext,
    ): Promise<T> {
      return service.update(scopeOf(db, principal, ctx), parseId(id), input, expectedUpdatedAt);
    }

    @Authorized(Access.ADMIN)
    @Mutation(() => options.objectType, { name: `delete${typeName}`, description: 'Deletes the row and returns it as it was.' })
    delete(
      @Arg('id', () => ID, { description: 'The row to delete.' }) id: string,
      @Arg('expectedUpdatedAt', () => Date, { nullable: true, description: EXPECTED_UPDATED_AT }) expectedUpdatedAt: Date | null,
      @TenantWriteDb() db: Db,
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: RequestContext,
    ): Promise<T> {
      return service.delete(scopeOf(db, principal, ctx), parseId(id), expectedUpdatedAt);
    }
  }
  return EntityResolver;
}
