import { Prisma, type PrismaClient } from '../generated/tenant/client.js';
import { type DatasourceTarget, type StatementRouter } from './statement-router.js';

type Json = Record<string, unknown>;

const NESTED_WRITE_KEYS = new Set([
  'create', 'createMany', 'connect', 'connectOrCreate', 'upsert', 'update', 'updateMany', 'delete', 'deleteMany', 'set', 'disconnect',
]);
const CREATE_OPERATIONS = new Set(['create', 'createMany', 'createManyAndReturn']);

function isPlainObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const each = <T>(value: T | T[], fn: (item: T) => T): T | T[] => (Array.isArray(value) ? value.map(fn) : fn(value));

/**
 * Rewrites Prisma arguments so every row read, counted, written or linked belongs to one tenant:
 * `tenant_id` is added to every where (top level and nested writes), set on every created row, and
 * stripped from update data so a row can never be moved to another tenant.
 */
export class TenantArgsScoper {
  constructor(private readonly tenantId: string) {}

  scope(operation: string, args: Json): Json {
    const out: Json = { ...args };
    if (CREATE_OPERATIONS.has(operation)) {
      out.data = each(args.data as Json | Json[], (row) => this.createData(row));
    } else {
      out.where = this.where(args.where);
    }
    if (operation === 'upsert') {
      out.create = this.createData(args.create as Json);
      out.update = this.updateData(args.update as Json);
    } else if (isPlainObject(args.data) && !CREATE_OPERATIONS.has(operation)) {
      out.data = this.updateData(args.data);
    }
    for (const key of ['select', 'include'] as const) {
      if (isPlainObject(args[key])) {
        out[key] = this.selection(args[key]);
      }
    }
    return out;
  }

  private where(where: unknown): Json {
    return { ...(isPlainObject(where) ? where : {}), tenantId: this.tenantId };
  }

  private whereOrFlag(value: unknown): unknown {
    return typeof value === 'boolean' ? value : this.where(value);
  }

  private createData(row: Json): Json {
    return { ...this.nestedWrites(row), tenantId: this.tenantId };
  }

  private updateData(row: Json): Json {
    const { tenantId: _ignored, ...rest } = this.nestedWrites(row);
    return rest;
  }

  private nestedWrites(row: Json): Json {
    const out: Json = { ...row };
    for (const [field, value] of Object.entries(row)) {
      if (isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => NESTED_WRITE_KEYS.has(k))) {
        out[field] = this.relationWrite(value);
      }
    }
    return out;
  }

  private relationWrite(ops: Json): Json {
    const out: Json = {};
    for (const [op, value] of Object.entries(ops)) {
      out[op] = this.relationOperation(op, value as Json | Json[]);
    }
    return out;
  }

  private relationOperation(op: string, value: Json | Json[]): unknown {
    switch (op) {
      case 'create':
        return each(value, (row) => this.createData(row));
      case 'createMany':
        return { ...(value as Json), data: each((value as Json).data as Json | Json[], (row) => this.createData(row)) };
      case 'connectOrCreate':
        return each(value, (item) => ({ where: this.where(item.where), create: this.createData(item.create as Json) }));
      case 'upsert':
        return each(value, (item) => ({
          ...item,
          ...(item.where === undefined ? {} : { where: this.where(item.where) }),
          create: this.createData(item.create as Json),
          update: this.updateData(item.update as Json),
        }));
      case 'update':
      case 'updateMany':
        return each(value, (item) =>
          isPlainObject(item.data) ? { ...item, where: this.where(item.where), data: this.updateData(item.data) } : this.updateData(item),
        );
      default:
        return Array.isArray(value) ? value.map((w) => this.where(w)) : this.whereOrFlag(value);
    }
  }

  private selection(selection: Json): Json {
    const out: Json = {};
    for (const [field, value] of Object.entries(selection)) {
      if (isPlainObject(value)) {
        const nested: Json = { ...value };
        if (isPlainObject(value.where)) {
          nested.where = this.where(value.where);
        }
        for (const key of ['select', 'include'] as const) {
          if (isPlainObject(value[key])) {
            nested[key] = this.selection(value[key]);
          }
        }
        out[field] = nested;
      } else {
        out[field] = value;
      }
    }
    return out;
  }
}

/** How a scoped client's operations are bound to its datasource on the shared runtime. */
export interface DatasourceBinding {
  router: StatementRouter;
  target: DatasourceTarget;
  /**
   * Test seam, never set in production: lets Prisma batch `findUnique` calls of different
   * datasources and run batch transactions, so the isolation suite can prove it catches the
   * mis-route the guard prevents.
   */
  unguarded?: boolean;
}

/** The part of Prisma's request params the guard reads (passed to query extensions, not public API). */
interface InternalParams {
  action: string;
  transaction?: { kind: 'batch' | 'itx' };
}

/**
 * Prisma batches `findUnique` calls of one shape made in the same tick into one query (or runs
 * them one by one) from a `process.nextTick` in the async context of whichever caller came first,
 * and runs `$transaction([...])` batches the same way. Asking for the equivalent `findFirst`
 * takes a call out of that batching, so it runs in its own operation's chain, where its
 * datasource is bound. Inside an interactive transaction batching stays: its statements are
 * sent by transaction id to the connection the transaction started on.
 */
const UNBATCHED_ACTION: Record<string, string> = { findUnique: 'findFirst', findUniqueOrThrow: 'findFirstOrThrow' };

function guarded(internal: InternalParams | undefined): InternalParams | undefined {
  if (!internal || internal.transaction?.kind === 'itx') {
    return internal;
  }
  if (internal.transaction?.kind === 'batch') {
    throw new Error('batch transactions ($transaction([...])) are not supported on tenant clients; use an interactive transaction');
  }
  const action = UNBATCHED_ACTION[internal.action];
  return action ? { ...internal, action } : internal;
}

/** Starts `pending` inside the binding, so the statements it issues go to the bound datasource. */
function startBound<T>(binding: DatasourceBinding, start: () => PromiseLike<T>): Promise<T> {
  return binding.router.run(binding.target, () => new Promise<T>((resolve, reject) => start().then(resolve, reject)));
}

/**
 * The tenant's view of a datasource: every model query scoped to the tenant (see
 * {@link TenantArgsScoper}) and, on the shared runtime, bound to the datasource. Raw SQL
 * (`$queryRaw`) is neither scoped nor bound, so on the shared runtime it is refused; business code
 * must not use it.
 */
export function scopeToTenant(prisma: PrismaClient, tenantId: string, binding?: DatasourceBinding) {
  const scoper = new TenantArgsScoper(tenantId);
  const scoped = prisma.$extends(
    Prisma.defineExtension({
      name: 'tenant-scope',
      query: {
        $allModels: {
          $allOperations(params) {
            const { operation, args, query } = params;
            // Library seam: Prisma types args per operation; the scoper works on their common shape.
            const scopedArgs = scoper.scope(operation, (args ?? {}) as Json) as typeof args;
            if (!binding) {
              return query(scopedArgs);
            }
            // Library seam: the second argument of `query` is Prisma's internal request params.
            const internal = (params as unknown as { __internalParams?: InternalParams }).__internalParams;
            const next = binding.unguarded ? internal : guarded(internal);
            const run = query as unknown as (args: unknown, internalParams?: InternalParams) => PromiseLike<unknown>;
            // Library seam: the bound promise carries the same result the query's own would.
            return startBound(binding, () => run(scopedArgs, next)) as unknown as ReturnType<typeof query>;
          },
        },
      },
    }),
  );
  if (!binding) {
    return scoped;
  }
  return new Proxy(scoped, {
    get(target, property, receiver) {
      if (property !== '$transaction') {
        return Reflect.get(target, property, receiver);
      }
      return (input: unknown, options?: unknown) => {
        if (typeof input !== 'function' && !binding.unguarded) {
          return Promise.reject(new Error('batch transactions ($transaction([...])) are not supported on tenant clients; use an interactive transaction'));
        }
        // Library seam: `$transaction` is overloaded; both forms take (input, options).
        const begin = target.$transaction as unknown as (input: unknown, options?: unknown) => Promise<unknown>;
        return startBound(binding, () => begin.call(target, input, options));
      };
    },
  });
}

/** A tenant-scoped client: what every business service receives. */
export type TenantDb = ReturnType<typeof scopeToTenant>;
