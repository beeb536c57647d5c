import { open } from '../../src/crypto/secret-box.js';
import { type ConnectionBudget } from '../../src/tenancy/connection-budget.js';
import { type TenantRoute } from '../../src/tenancy/datasource-registry.js';
import { openDatasource, type DatasourceConnection } from '../../src/tenancy/tenant-client-factory.js';
import { type TestFleet } from './test-fleet.js';

/** Counts the SQL statements the gateway sends to tenant databases (outside transactions). */
export interface StatementCounter {
  /** Pass as `startTestFleet({ connect })`. */
  connect(route: TenantRoute, budget: ConnectionBudget): Promise<DatasourceConnection>;
  /** Set once the fleet is started: its key ring decrypts the datasource URLs. */
  attach(fleet: TestFleet): void;
  /** The statements sent while `run` ran. */
  during<T>(run: () => Promise<T>): Promise<{ result: T; sql: string[] }>;
}

/**
 * Opens each datasource exactly like the product's connector (decrypt with the datasource id as
 * AAD, budgeted pool) and logs every statement the driver adapter sends through the pool's `query`.
 */
export function statementCounter(): StatementCounter {
  let fleet: TestFleet | undefined;
  const statements: string[] = [];
  return {
    async connect(route, budget) {
      if (!fleet) {
        throw new Error('the fleet is not started yet');
      }
      const url = open(fleet.config.keyRing, route.datasource.encryptedUrl, route.datasource.id);
      const connection = await openDatasource({ url, poolMax: route.datasource.poolMax || 3, connectTimeoutMs: 5_000, budgetWaitMs: 5_000, budget, applicationName: 'test-counting' });
      const query = connection.pool.query.bind(connection.pool) as (config: { text: string }) => Promise<unknown>;
      (connection.pool as unknown as { query: typeof query }).query = (config) => {
        statements.push(config.text);
        return query(config);
      };
      return connection;
    },
    attach(started) {
      fleet = started;
    },
    async during(run) {
      statements.length = 0;
      const result = await run();
      return { result, sql: [...statements] };
    },
  };
}
