import pg from 'pg';
import { databaseUnavailable } from '../provisioning/connection-failure.js';

/**
 * Session settings that make a row's text the same on every server: `md5(row::text)` on the source
 * and on the target then agree exactly when the rows do, whatever each server's defaults are.
 */
const CANONICAL_SESSION = [
  "SET TIME ZONE 'UTC'",
  "SET datestyle = 'ISO, MDY'",
  "SET intervalstyle = 'postgres'",
  'SET extra_float_digits = 1',
  "SET bytea_output = 'hex'",
].join('; ');

/** One connection of a move to a tenant datasource (source or target). */
export interface MoveConnection {
  client: pg.Client;
  /** For messages; never the URL. */
  name: string;
  close(): Promise<void>;
}

/**
 * Connects to a datasource for a move with canonical text settings.
 *
 * @throws AppError `TENANT_UNAVAILABLE` when it cannot connect; the message is free of the URL.
 */
export async function openMoveConnection(url: string, name: string): Promise<MoveConnection> {
  const client = new pg.Client({ connectionString: url, application_name: 'tenantgate-move' });
  // A dropped session must reject the pending query, not crash the process with an 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(CANONICAL_SESSION);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw databaseUnavailable(`cannot connect to datasource "${name}"`, error, url);
  }
  return { client, name, close: () => client.end().catch(() => undefined) };
}
