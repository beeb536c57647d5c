import { type AuditOutcome } from '../generated/control/enums.js';
import { type Logger } from '../logging/logger.js';
import { type ControlClient } from './control-client.js';

/** One audited action: who did what to which target, and how it ended. */
export interface AuditEntry {
  actorUserId?: string | null;
  tenantId?: string | null;
  operation: string;
  /** Free text for auth events (the email or tenant slug of a refused login). */
  target?: string | null;
  /** GraphQL type of the record a mutation touched, e.g. `Account`. */
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  detail?: string | null;
}

/** How the audit trail has fared since the process started (read by tests, and by /metrics later). */
export interface AuditLogStats {
  writes: number;
  failedWrites: number;
}

/**
 * Writes audit rows to the control plane. A failed write never fails the caller's operation: it is
 * logged (by error class and code only, since a driver's message may quote SQL) and counted in
 * {@link AuditLog.stats}, so a trail with holes is visible rather than silent.
 */
export class AuditLog {
  private writes = 0;
  private failedWrites = 0;

  constructor(
    private readonly control: ControlClient,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the row is written or the failure is logged and counted; never rejects. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.control.auditLog.create({ data: entry });
      this.writes += 1;
    } catch (error) {
      this.failedWrites += 1;
      this.logger.error(
        {
          operation: entry.operation,
          tenantId: entry.tenantId,
          actorUserId: entry.actorUserId,
          errorClass: error instanceof Error ? error.name : typeof error,
          code: (error as { code?: unknown } | null)?.code,
          failedWrites: this.failedWrites,
        },
        'audit write failed: the action went through but has no audit row',
      );
    }
  }

  stats(): AuditLogStats {
    return { writes: this.writes, failedWrites: this.failedWrites };
  }
}
