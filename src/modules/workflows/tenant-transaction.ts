import { type TenantDb } from '../../tenancy/tenant-scope.js';

type TransactionCallback = Extract<Parameters<TenantDb['$transaction']>[0], (client: never) => unknown>;

/** The tenant-scoped client inside an interactive transaction: every statement scoped as outside. */
export type TenantTx = Parameters<TransactionCallback>[0];

/** Runs `work` in one tenant transaction: all of its writes commit together or none does. */
export function inTenantTransaction<T>(db: TenantDb, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.$transaction((tx) => work(tx), { timeout: 10_000 });
}
