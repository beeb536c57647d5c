import { open } from '../../src/crypto/secret-box.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { openDatasource, type DatasourceConnection } from '../../src/tenancy/tenant-client-factory.js';
import { type TestFleet } from './test-fleet.js';

/** One statement as the driver sent it. */
export interface SentStatement {
  text: string;
  values: unknown[];
}

/** Counts the SQL statements the gateway sends to tenant databases, transactions included. */
export interface StatementCounter {
  /** Pass as `startTestFleet({ connect })`. */
  connect(route: TenantRoute, budget: ConnectionBudget): Promise<DatasourceConnection>;
  /** Set once the fleet is started: its key ring decrypts the datasource URLs. */
  attach(fleet: TestFleet): void;
  /** The statements sent while `run` ran, as text and with their parameters. */
  during<T>(run: () => Promise<T>): Promise<{ result: T; sql: string[]; statements: SentStatement[] }>;
}

/**
 * Opens each datasource exactly like the product's connector (decrypt with the datasource id as
 * AAD, budgeted pool) and logs every statement sent on its connections: the pool's `query` and
 * the transactions the driver adapter runs on a checked-out connection (`BEGIN`, the statements, `COMMIT`).
 */
export function statementCounter(): StatementCounter {
  let fleet: TestFleet | undefined;
  const statements: SentStatement[] = [];
  return {
    async connect(route, budget) {
      if (!fleet) {
        throw new Error('the fleet is not started yet');
      }
      const url = open(fleet.config.keyRing, route.datasource.encryptedUrl, route.datasource.id);
      const connection = await openDatasource({ url, poolMax: route.datasource.poolMax || 3, connectTimeoutMs: 5_000, budgetWaitMs: 5_000, budget, applicationName: 'test-counting' });
      // Every statement, the pool's own `query` included, runs on a checked-out connection.
      const counted = new WeakSet<object>();
      connection.pool.on('acquire', (client) => {
        if (counted.has(client)) {
          return;
        }
        counted.add(client);
        const query = client.query.bind(client) as (config: string | { text: string; values?: unknown[] }, ...rest: unknown[]) => unknown;
        (client as unknown as { query: typeof query }).query = (config, ...rest) => {
          statements.push(typeof config === 'string' ? { text: config, values: [] } : { text: config.text, values: config.values ?? [] });
          return query(config, ...rest);
        };
      });
      return connection;
    },
    attach(started) {
      fleet = started;
    },
    async during(run) {
      statements.length = 0;
      const result = await run();
      return { result, sql: statements.map((statement) => statement.text), statements: [...statements] };
    },
  };
}
