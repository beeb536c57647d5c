import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { envelopeKeyId } from '../../crypto/secret-box.js';

/** How many secrets one key id holds. */
export interface KeyUsage {
  keyId: string;
  secrets: number;
  active: boolean;
  /** In this process's key ring; a key holding secrets that is not configured is an outage waiting to happen. */
  configured: boolean;
}

/** What {@link readKeyStatus} found. */
export interface KeyStatus {
  activeKeyId: string;
  keys: KeyUsage[];
  /** Secrets not under the active key: `keys rotate` has work while this is above 0. */
  pending: number;
  /** Configured keys that hold no secret any more: they may be dropped from the previous keys. */
  droppable: string[];
  /** Rows whose `key_id` column disagrees with their envelope (the envelope is what decryption uses). */
  mismatched: string[];
}

/**
 * Counts the secrets under each key id, read from the envelopes themselves rather than trusted
 * from the `key_id` column, so an operator knows exactly when an old key may be dropped.
 */
export async function readKeyStatus(control: ControlClient, keyRing: KeyRing): Promise<KeyStatus> {
  const rows = await control.datasource.findMany({ select: { name: true, keyId: true, encryptedUrl: true } });
  const counts = new Map<string, number>();
  const mismatched: string[] = [];
  for (const row of rows) {
    let keyId: string;
    try {
      keyId = envelopeKeyId(row.encryptedUrl);
    } catch {
      keyId = row.keyId;
      mismatched.push(row.name);
    }
    if (keyId !== row.keyId && !mismatched.includes(row.name)) {
      mismatched.push(row.name);
    }
    counts.set(keyId, (counts.get(keyId) ?? 0) + 1);
  }
  const activeKeyId = keyRing.active.id;
  const ids = new Set([...keyRing.ids(), ...counts.keys()]);
  const keys = [...ids]
    .map((keyId) => ({ keyId, secrets: counts.get(keyId) ?? 0, active: keyId === activeKeyId, configured: keyRing.get(keyId) !== undefined }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.keyId.localeCompare(b.keyId));
  return {
    activeKeyId,
    keys,
    pending: keys.filter((key) => !key.active).reduce((sum, key) => sum + key.secrets, 0),
    droppable: keys.filter((key) => !key.active && key.configured && key.secrets === 0).map((key) => key.keyId),
    mismatched,
  };
}
