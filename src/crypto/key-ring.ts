import { randomBytes } from 'node:crypto';

/** An AES-256 key and the id stored next to everything it seals, so the right key can be found. */
export interface EncryptionKey {
  readonly id: string;
  /** Exactly {@link KEY_BYTES} bytes. */
  readonly key: Buffer;
}

/**
 * The keys a process can use: `active` seals new secrets, every key (active included) can open
 * secrets that name it, so old envelopes keep working while `keys rotate` re-encrypts them.
 */
export interface KeyRing {
  readonly active: EncryptionKey;
  get(id: string): EncryptionKey | undefined;
  /** Every key id, the active one first. */
  ids(): string[];
}

/** AES-256 needs a 256-bit key. */
export const KEY_BYTES = 32;

// The id travels inside `.`-separated envelopes and into log lines, so it is kept to a safe alphabet.
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const FORMAT_HINT =
  '<keyId>:<base64 of 32 random bytes> (key id: 1-32 characters of A-Z a-z 0-9 _ -); ' +
  'generate one with: node -e "console.log(\'k1:\' + require(\'node:crypto\').randomBytes(32).toString(\'base64\'))"';

/** Whether `id` may be used as a key id: 1–32 characters of `[A-Za-z0-9_-]`. */
export function isValidKeyId(id: string): boolean {
  return KEY_ID_PATTERN.test(id);
}

/**
 * Parses `<keyId>:<base64 of 32 bytes>`, as found in `TENANTGATE_ENCRYPTION_KEY` or a key file.
 * Surrounding whitespace is ignored (env files and key files often end with a newline).
 *
 * @param variableName - where the value came from; named in the error so the operator knows what
 *   to fix. The value itself is never echoed, since a near-miss is still most of a secret.
 * @throws Error naming `variableName`, the problem and the expected format.
 */
export function parseEncryptionKey(value: string, variableName: string): EncryptionKey {
  const fail = (problem: string): never => {
    throw new Error(`${variableName} is invalid (${problem}); it must be ${FORMAT_HINT}`);
  };
  const trimmed = value.trim();
  const separator = trimmed.indexOf(':');
  if (separator < 0) {
    return fail("missing the ':' between key id and key");
  }
  const id = trimmed.slice(0, separator);
  const encoded = trimmed.slice(separator + 1);
  if (!isValidKeyId(id)) {
    return fail("the key id before the first ':' is empty, too long or not only A-Z a-z 0-9 _ -");
  }
  // Buffer.from silently skips invalid characters, so only a canonical round trip counts as base64.
  const key = Buffer.from(encoded, 'base64');
  if (encoded.length === 0 || key.toString('base64') !== encoded) {
    return fail("the key after the ':' is not valid padded base64");
  }
  if (key.length !== KEY_BYTES) {
    return fail(`the key decodes to ${key.length} bytes, expected ${KEY_BYTES}`);
  }
  return { id, key };
}

/**
 * Parses a comma-separated list of keys (older keys kept so existing secrets still open).
 *
 * @param value - `undefined` or blank means no older keys (the default); empty entries, as left
 *   by a trailing comma, are ignored.
 * @throws Error naming `variableName` and the 1-based entry that is malformed.
 */
export function parseKeyList(value: string | undefined, variableName: string): EncryptionKey[] {
  if (value === undefined) {
    return [];
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return entries.map((entry, index) => parseEncryptionKey(entry, `${variableName} (entry ${index + 1})`));
}

/**
 * Builds a ring from the active key and the older ones still accepted for decryption.
 *
 * @param previous - pass `[]` when there was no rotation yet.
 * @throws Error when two keys share an id (an envelope would be ambiguous) or a key is not
 *   {@link KEY_BYTES} bytes.
 */
export function createKeyRing(active: EncryptionKey, previous: EncryptionKey[]): KeyRing {
  const byId = new Map<string, EncryptionKey>();
  for (const candidate of [active, ...previous]) {
    assertUsableKey(candidate);
    if (byId.has(candidate.id)) {
      throw new Error(
        `encryption key id "${candidate.id}" is configured more than once; ` +
          'the active and previous keys need distinct ids',
      );
    }
    byId.set(candidate.id, candidate);
  }
  return {
    active,
    get: (id) => byId.get(id),
    ids: () => [...byId.keys()],
  };
}

/** Creates a fresh random key, e.g. for `keys rotate` or a development key file. */
export function generateEncryptionKey(id: string): EncryptionKey {
  const generated = { id, key: randomBytes(KEY_BYTES) };
  assertUsableKey(generated);
  return generated;
}

/** Formats a key as `<keyId>:<base64>`, the inverse of {@link parseEncryptionKey}. */
export function formatEncryptionKey(key: EncryptionKey): string {
  assertUsableKey(key);
  return `${key.id}:${key.key.toString('base64')}`;
}

/** Rejects keys built in code (not parsed) that would fail later, deep inside a cipher call. */
export function assertUsableKey(candidate: EncryptionKey): void {
  if (!isValidKeyId(candidate.id)) {
    throw new Error('encryption key id must be 1-32 characters of A-Z a-z 0-9 _ -');
  }
  if (!Buffer.isBuffer(candidate.key) || candidate.key.length !== KEY_BYTES) {
    throw new Error(`encryption key "${candidate.id}" must be ${KEY_BYTES} bytes`);
  }
}
