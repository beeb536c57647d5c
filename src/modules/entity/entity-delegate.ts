import { type TenantDb } from '../../tenancy/tenant-scope.js';

/** A Prisma `where`, `data` or `orderBy` object as the generic layer passes it through. */
export type Json = Record<string, unknown>;

/** Every business row has an id; the ones the generic service updates also carry `updatedAt`. */
export interface EntityRow {
  id: string;
  updatedAt: Date;
}

/**
 * The part of a Prisma model delegate the generic entity service uses. Prisma types each
 * delegate's arguments per model; this structural view lets one service work on all of them.
 */
export interface EntityDelegate<T> {
  findMany(args: { where?: Json; orderBy?: Json[]; take?: number; select?: Json }): Promise<T[]>;
  findUnique(args: { where: { id: string } }): Promise<T | null>;
  count(args: { where: Json }): Promise<number>;
  create(args: { data: Json }): Promise<T>;
  updateMany(args: { where: Json; data: Json }): Promise<{ count: number }>;
  deleteMany(args: { where: Json }): Promise<{ count: number }>;
}

/** The tenant models by their client property name. */
export type ModelName =
  | 'account' | 'contact' | 'lead' | 'opportunity' | 'location' | 'event' | 'eventDate' | 'quote'
  | 'contract' | 'invoice' | 'payment' | 'task' | 'note' | 'attachment' | 'communication';

/** One model's delegate on a tenant-scoped client, seen through {@link EntityDelegate}. */
export function delegateOf<T>(db: TenantDb, model: ModelName): EntityDelegate<T> {
  // Library seam: each Prisma delegate is generic over its own argument types; see EntityDelegate.
  return db[model] as unknown as EntityDelegate<T>;
}
