import { Prisma, type PrismaClient } from '../generated/tenant/client.js';

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

/**
 * The tenant's view of a datasource: the same client with every model query scoped to the tenant
 * (see {@link TenantArgsScoper}). Raw SQL (`$queryRaw`) is not scoped; business code must not use it.
 */
export function scopeToTenant(prisma: PrismaClient, tenantId: string) {
  const scoper = new TenantArgsScoper(tenantId);
  return prisma.$extends(
    Prisma.defineExtension({
      name: 'tenant-scope',
      query: {
        $allModels: {
          $allOperations({ operation, args, query }) {
            // Library seam: Prisma types args per operation; the scoper works on their common shape.
            return query(scoper.scope(operation, (args ?? {}) as Json) as typeof args);
          },
        },
      },
    }),
  );
}

/** A tenant-scoped client: what every business service receives. */
export type TenantDb = ReturnType<typeof scopeToTenant>;
