import { type AuditOutcome } from '../generated/control/enums.js';
import { type Logger } from '../logging/logger.js';
import { type ControlClient } from './control-client.js';

/** One audited action: who did what to which target, and how it ended. */
export interface AuditEntry {
  actorUserId?: string | null;
  tenantId?: string | null;
  operation: string;
  target?: string;
  outcome: AuditOutcome;
  detail?: string;
}

/** Writes audit rows to the control plane; a failed write is logged, never thrown at the caller. */
export class AuditLog {
  constructor(
    private readonly control: ControlClient,
    private readonly logger: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.control.auditLog.create({ data: entry });
    } catch (error) {
      this.logger.error({ operation: entry.operation, err: (error as Error).message }, 'audit write failed');
    }
  }
}
