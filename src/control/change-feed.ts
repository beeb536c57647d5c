import { z } from 'zod';
import { type ControlClient } from './control-client.js';

/** The Postgres NOTIFY channel on the control-plane database that carries {@link ControlChange}s. */
export const CONTROL_CHANGE_CHANNEL = 'tenantgate_control_changes';

/**
 * A change in the control plane that replicas may have cached:
 * - `tenant`: its status, datasource or schema version changed, or it was deleted (drop its route);
 * - `datasource`: its row changed (drop every route through it); `reconnect` when its URL or
 *   credential changed or it was deleted, so its open pool must go too;
 * - `membership`: a user's membership of a tenant changed or was removed (drop the cached answer).
 */
export type ControlChange =
  | { kind: 'tenant'; tenantId: string }
  | { kind: 'datasource'; datasourceId: string; reconnect: boolean }
  | { kind: 'membership'; userId: string; tenantId: string };

/** Anything that can run a statement on the control plane: the client or a transaction's client. */
export type ControlStatementRunner = Pick<ControlClient, '$executeRaw'>;

/**
 * Publishes changes to every replica with `pg_notify`. Run it on the transaction that makes the
 * change: Postgres delivers the notification only when that transaction commits, and never for a
 * rolled-back one, so replicas can neither miss a committed change nor drop a cache for nothing.
 */
export async function publishChanges(db: ControlStatementRunner, ...changes: ControlChange[]): Promise<void> {
  for (const change of changes) {
    await changeNotification(db, change);
  }
}

/** The `pg_notify` statement of one change, for a batch `$transaction([...])` of Prisma statements. */
export function changeNotification(db: ControlStatementRunner, change: ControlChange): ReturnType<ControlClient['$executeRaw']> {
  return db.$executeRaw`SELECT pg_notify(${CONTROL_CHANGE_CHANNEL}, ${JSON.stringify(change)})`;
}

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tenant'), tenantId: z.string() }),
  z.object({ kind: z.literal('datasource'), datasourceId: z.string(), reconnect: z.boolean() }),
  z.object({ kind: z.literal('membership'), userId: z.string(), tenantId: z.string() }),
]);

/** The change a notification carries, or null for a payload this version does not know. */
export function parseChange(payload: string | undefined): ControlChange | null {
  try {
    const parsed = changeSchema.safeParse(JSON.parse(payload ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
