import { type Principal } from '../auth/principal.js';
import { type AuditLog } from '../control/audit-log.js';
import { AppError } from '../errors/app-error.js';

/** What one admin call is about, for its audit row. */
export interface AdminAction {
  operation: string;
  /** The tenant acted on, when there is one. */
  tenantId?: string | null;
  /** A readable target, e.g. the slug; never a URL or secret. */
  target?: string;
}

/**
 * Runs an admin operation and writes one audit row for it: SUCCESS, or FAILURE with the error code
 * (never the message, which may name a database). Refused callers are audited as DENIED by the
 * auth checker, before any of this runs.
 */
export async function audited<T>(audit: AuditLog, principal: Principal, action: AdminAction, run: () => Promise<T>): Promise<T> {
  const entry = { actorUserId: principal.userId, tenantId: action.tenantId ?? null, operation: `admin.${action.operation}`, target: action.target };
  try {
    const result = await run();
    await audit.record({ ...entry, outcome: 'SUCCESS' });
    return result;
  } catch (error) {
    await audit.record({ ...entry, outcome: 'FAILURE', detail: error instanceof AppError ? error.code : 'INTERNAL' });
    throw error;
  }
}
