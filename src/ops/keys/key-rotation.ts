import { changeNotification } from '../../control/change-feed.js';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { open, seal } from '../../crypto/secret-box.js';
import { errorDetails } from '../migrations/migration-error.js';

/** Options of {@link rotateKeys}. */
export interface KeyRotationOptions {
  control: ControlClient;
  /** Its active key is the one every secret ends under; the old keys must still be in it. */
  keyRing: KeyRing;
  /** Secrets re-sealed per control-plane transaction. Default 100: short transactions, few round trips. */
  batchSize?: number;
  /** Told after each batch commits, e.g. to draw progress; the next batch waits for a returned promise. */
  onBatch?: (progress: KeyRotationProgress) => void | Promise<void>;
  /** Checked between batches: when it returns true the run stops cleanly (SIGINT); a re-run continues. */
  shouldStop?: () => boolean;
}

/** Running totals of a rotation. */
export interface KeyRotationProgress {
  /** Secrets re-sealed under the active key by this run. */
  rotated: number;
  /** Secrets still under another key when the run started. */
  total: number;
}

/** What {@link rotateKeys} did. */
export interface KeyRotationResult extends KeyRotationProgress {
  activeKeyId: string;
  /** Secrets that could not be opened (their key is not in the ring, or the row was tampered with). */
  failed: { datasource: string; keyId: string; reason: string }[];
  /** Secrets changed by someone else between read and write; they are sealed already or the next run takes them. */
  raced: number;
  interrupted: boolean;
}

/**
 * Re-seals every datasource URL that is not under the key ring's active key, batch by batch, while
 * gateways keep serving. Each row is written only if its envelope is still the one read (a
 * compare-and-set), so a concurrent change is never overwritten, and a run stopped at any point
 * leaves every row either old or new, both of which open: re-running continues where it stopped.
 *
 * The URL itself does not change, so `credential_version` is left alone: gateways keep their
 * connected clients (keyed by datasource and credential version) instead of rebuilding every one,
 * and a client built later from a route cached before the rotation still opens its old envelope,
 * as long as gateways keep the old key among their previous keys until `keys status` shows it unused.
 * Each batch's commit tells every gateway to drop the routes that carried the old envelopes.
 */
export async function rotateKeys(options: KeyRotationOptions): Promise<KeyRotationResult> {
  const active = options.keyRing.active;
  const batchSize = options.batchSize ?? 100;
  const pendingWhere = { keyId: { not: active.id } };
  const result: KeyRotationResult = {
    activeKeyId: active.id,
    rotated: 0,
    total: await options.control.datasource.count({ where: pendingWhere }),
    failed: [],
    raced: 0,
    interrupted: false,
  };
  let after: string | undefined;
  for (;;) {
    if (options.shouldStop?.() === true) {
      result.interrupted = true;
      break;
    }
    const batch = await options.control.datasource.findMany({
      where: { ...pendingWhere, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: { id: true, name: true, keyId: true, encryptedUrl: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) {
      break;
    }
    after = batch.at(-1)?.id;
    const writes = [];
    for (const row of batch) {
      try {
        const sealed = seal(active, open(options.keyRing, row.encryptedUrl, row.id), row.id);
        writes.push(
          options.control.datasource.updateMany({
            where: { id: row.id, encryptedUrl: row.encryptedUrl },
            data: { encryptedUrl: sealed, keyId: active.id },
          }),
        );
      } catch (error) {
        result.failed.push({ datasource: row.name, keyId: row.keyId, reason: errorDetails(error).message });
      }
    }
    const notifications = batch.map((row) => changeNotification(options.control, { kind: 'datasource', datasourceId: row.id, reconnect: false }));
    const counts = (await options.control.$transaction([...writes, ...notifications])).slice(0, writes.length) as { count: number }[];
    const written = counts.reduce((sum, { count }) => sum + count, 0);
    result.rotated += written;
    result.raced += counts.length - written;
    await options.onBatch?.({ rotated: result.rotated, total: result.total });
  }
  return result;
}
