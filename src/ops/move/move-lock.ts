import pg from 'pg';
import { badInput } from '../../errors/app-error.js';
import { databaseUnavailable } from '../provisioning/connection-failure.js';

/** A held move lock; `release` ends its session. */
export interface MoveLock {
  release(): Promise<void>;
}

/**
 * Takes the tenant's move lock: a session advisory lock in the control plane, so two `tenants move`
 * (or a move and an abort) of one tenant never run at once, on any machine. It is released when
 * the session ends, so a killed process leaves no stale lock to wait out.
 *
 * @throws AppError `BAD_USER_INPUT` when another move of the tenant holds it.
 */
export async function acquireMoveLock(controlUrl: string, tenantId: string, slug: string): Promise<MoveLock> {
  const client = new pg.Client({ connectionString: controlUrl, application_name: 'tenantgate-move-lock' });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw databaseUnavailable('cannot reach the control plane', error, controlUrl);
  }
  const { rows } = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock(hashtextextended('tenantgate-move:' || $1, 0)) AS locked",
    [tenantId],
  );
  if (rows[0]?.locked !== true) {
    await client.end().catch(() => undefined);
    throw badInput(`another move of tenant "${slug}" is running right now; wait for it, or stop it first`, 'tenant');
  }
  return { release: () => client.end().catch(() => undefined) };
}
