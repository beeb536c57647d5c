import { type IsolationLevel, type SqlDriverAdapter, type SqlQuery, type Transaction } from '@prisma/driver-adapter-utils';
import { AppError, CarriedAppError } from '../errors/app-error.js';

/** Runs one call to the database (see `DatasourceBreakers.run`, bound to one datasource). */
export type DatasourceGuard = <T>(call: () => Promise<T>) => Promise<T>;

function guardTransaction(transaction: Transaction, guard: DatasourceGuard): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query: SqlQuery) => guard(() => transaction.queryRaw(query)),
    executeRaw: (query: SqlQuery) => guard(() => transaction.executeRaw(query)),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    // Savepoints (nested transactions) go to the transaction as they are: one that fails fails the
    // transaction, and its next statement goes through the guard.
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}

/**
 * One datasource's driver adapter with every statement, script and transaction (and each statement
 * inside it) run through `breaker`, that datasource's circuit breaker. The breaker is bound to this
 * adapter when its datasource opens, so it can never count or refuse another datasource's calls.
 * Its AppErrors (and the budget's) travel through Prisma as {@link CarriedAppError}s.
 */
export function guardAdapter(adapter: SqlDriverAdapter, breaker: DatasourceGuard): SqlDriverAdapter {
  const guard: DatasourceGuard = (call) =>
    breaker(call).catch((error: unknown) => {
      throw error instanceof AppError ? new CarriedAppError(error) : error;
    });
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => guard(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => guard(() => adapter.executeRaw(query)),
    executeScript: (script: string) => guard(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: IsolationLevel) => guardTransaction(await guard(() => adapter.startTransaction(isolationLevel)), guard),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}
