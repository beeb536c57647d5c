import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

/** One datasource as the shared Prisma runtime sees it: the adapter over its own `pg` pool. */
export interface DatasourceTarget {
  readonly datasourceId: string;
  readonly adapter: SqlDriverAdapter;
}

/** Thrown when a statement reaches the router with no datasource bound: it is sent nowhere. */
export class UnroutedStatementError extends Error {
  constructor() {
    super('a tenant statement was issued with no datasource bound to it; it was not sent anywhere');
    this.name = 'UnroutedStatementError';
  }
}

/**
 * Sends each statement and each transaction of the one shared tenant-schema PrismaClient to the
 * datasource bound to the operation that issued it. A scoped client binds its datasource around
 * every operation it starts (`run`), so the binding travels with the operation's own async chain;
 * operations that Prisma would batch and dispatch from another caller's chain are never batched
 * across datasources (see `tenant-scope.ts`). A statement with nothing bound is refused.
 */
export class StatementRouter {
  private readonly bound = new AsyncLocalStorage<DatasourceTarget>();

  /** Runs `fn` with `target` bound: statements started inside go to its datasource. */
  run<T>(target: DatasourceTarget, fn: () => T): T {
    return this.bound.run(target, fn);
  }

  /** The datasource bound to the running operation; throws rather than guess. */
  current(): DatasourceTarget {
    const target = this.bound.getStore();
    if (!target) {
      throw new UnroutedStatementError();
    }
    return target;
  }

  /** The driver adapter factory the shared PrismaClient is built with. */
  adapterFactory(): SqlDriverAdapterFactory {
    const router = this;
    const adapter: SqlDriverAdapter = {
      provider: 'postgres',
      adapterName: '@prisma/adapter-pg',
      queryRaw: (query: SqlQuery): Promise<SqlResultSet> => router.current().adapter.queryRaw(query),
      executeRaw: (query: SqlQuery): Promise<number> => router.current().adapter.executeRaw(query),
      executeScript: (script: string): Promise<void> => router.current().adapter.executeScript(script),
      // A transaction is bound to one connection of the datasource it started on; Prisma sends
      // its statements to that connection by transaction id, whoever dispatches them.
      startTransaction: (isolationLevel?: IsolationLevel): Promise<Transaction> => router.current().adapter.startTransaction(isolationLevel),
      // What @prisma/adapter-pg reports: the compiler plans relation joins the same way for every datasource.
      getConnectionInfo: (): ConnectionInfo => ({ supportsRelationJoins: true }),
      // Each datasource's adapter is disposed with its pool, not with the shared client.
      dispose: () => Promise.resolve(),
    };
    return { provider: 'postgres', adapterName: '@prisma/adapter-pg', connect: () => Promise.resolve(adapter) };
  }
}
