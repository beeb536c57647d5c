import pg from 'pg';
import { badInput } from '../../../errors/app-error.js';
import { databaseUnavailable } from '../../provisioning/connection-failure.js';

/** The seed's one connection to the tenant's datasource, and a way to stop what it is running. */
export interface SeedSession {
  client: pg.Client;
  /** Cancels the statement running on the session (a Ctrl+C mid-insert); the transaction then fails. */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects for a seed. Dates are laid out in UTC whatever the server's time zone; a statement
 * timeout the role may carry is lifted, since one statement inserts a whole table; and the server
 * checks every second that the client is still there, so a seed whose process was killed rolls
 * back within a second instead of inserting on for minutes (PostgreSQL 14+; older servers skip it).
 *
 * @throws AppError `TENANT_UNAVAILABLE` when the datasource cannot be reached; the URL is never in the message.
 */
export async function openSeedSession(url: string, datasource: string): Promise<SeedSession> {
  const client = new pg.Client({ connectionString: url, application_name: 'tenantgate-seed' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'; SET statement_timeout = 0");
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw databaseUnavailable(`cannot connect to datasource "${datasource}"`, error, url);
  }
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  return {
    client,
    async cancel() {
      const canceller = new pg.Client({ connectionString: url, application_name: 'tenantgate-seed-cancel' });
      canceller.on('error', () => undefined);
      try {
        await canceller.connect();
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
      } finally {
        await canceller.end().catch(() => undefined);
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

/**
 * Takes the tenant's seed lock for the transaction, so two seeds of one tenant never interleave
 * (their numbers and emails would collide); it is released when the transaction ends, however it ends.
 *
 * @throws AppError `BAD_USER_INPUT` when another seed of the tenant holds it.
 */
export async function lockTenantSeed(client: pg.ClientBase, tenantId: string, slug: string): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock(hashtextextended('tenantgate-seed:' || $1, 0)) AS locked", [tenantId]);
  if (rows[0]?.locked !== true) {
    throw badInput(`another seed of tenant "${slug}" is running; wait for it to finish`, 'tenant');
  }
}
