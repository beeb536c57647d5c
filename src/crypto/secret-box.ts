import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { assertUsableKey, isValidKeyId, type EncryptionKey, type KeyRing } from './key-ring.js';

/** Why an envelope could not be opened; a closed set so callers can map each to a hint. */
export type SecretBoxFailure = 'MALFORMED' | 'UNKNOWN_KEY' | 'AUTHENTICATION_FAILED' | 'UNSUPPORTED_VERSION';

/**
 * Thrown by {@link open} and {@link envelopeKeyId}. The message never contains the plaintext, key
 * material or the envelope, so it is safe to log; `keyId` is set once the envelope's id is known.
 */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';

  constructor(
    readonly reason: SecretBoxFailure,
    detail: string,
    readonly keyId?: string,
  ) {
    super(`datasource secret could not be decrypted: ${detail}`);
  }
}

const VERSION = 'tg1';
const ALGORITHM = 'aes-256-gcm';
// 96-bit IVs are GCM's native size; random ones are safe for far more seals than a fleet makes.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

interface ParsedEnvelope {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Encrypts `plaintext` under `key` with AES-256-GCM into
 * `tg1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url, no padding): one ASCII string that fits a
 * text column and says which key opens it.
 *
 * @param aad - what the secret belongs to (the datasource id). It is authenticated, not stored,
 *   so an envelope copied to another row fails to open. The version and key id are authenticated
 *   too, so relabelling an envelope with another key id fails as well. Must not be empty.
 */
export function seal(key: EncryptionKey, plaintext: string, aad: string): string {
  assertUsableKey(key);
  if (aad.length === 0) {
    throw new Error('seal needs a non-empty aad (the datasource id) to bind the secret to its owner');
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(key.id, aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, key.id, iv, ciphertext, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * Decrypts an envelope made by {@link seal}, choosing the key named in the envelope from the ring
 * so secrets sealed before a rotation still open.
 *
 * @param aad - must equal the aad given to {@link seal} (the datasource id).
 * @throws SecretBoxError for every failure; plaintext is only returned once the tag verified.
 */
export function open(keyRing: KeyRing, envelope: string, aad: string): string {
  const parsed = parseEnvelope(envelope);
  const key = keyRing.get(parsed.keyId);
  if (key === undefined) {
    throw new SecretBoxError(
      'UNKNOWN_KEY',
      `it was sealed with encryption key "${parsed.keyId}", which is not configured ` +
        `(configured: ${keyRing.ids().join(', ')}); add that key to the previous keys`,
      parsed.keyId,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(parsed.keyId, aad));
    decipher.setAuthTag(parsed.tag);
    const plaintext = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
    return plaintext.toString('utf8');
  } catch {
    // OpenSSL's own message ("unable to authenticate data") says nothing useful and is not ours to leak.
    throw new SecretBoxError(
      'AUTHENTICATION_FAILED',
      'authentication failed (tampered, wrong key, or bound to another datasource)',
      parsed.keyId,
    );
  }
}

/**
 * The key id an envelope was sealed with, so rotation tooling can skip envelopes already under the
 * active key. Validates the whole envelope's shape, not just its header.
 *
 * @throws SecretBoxError `MALFORMED` or `UNSUPPORTED_VERSION`.
 */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

function associatedData(keyId: string, aad: string): Buffer {
  // NUL cannot occur in the version or a key id, so the concatenation is unambiguous.
  return Buffer.from(`${VERSION}\0${keyId}\0${aad}`, 'utf8');
}

function parseEnvelope(envelope: string): ParsedEnvelope {
  if (typeof envelope !== 'string') {
    throw malformed('it is not a string');
  }
  const parts = envelope.split('.');
  const version = parts[0] ?? '';
  if (version !== VERSION) {
    if (/^tg[0-9]{1,4}$/.test(version)) {
      throw new SecretBoxError(
        'UNSUPPORTED_VERSION',
        `envelope version ${version} is not supported by this build (it reads ${VERSION})`,
      );
    }
    throw malformed(`it does not start with "${VERSION}."`);
  }
  if (parts.length !== 5) {
    throw malformed(`it has ${parts.length} parts, expected 5 (truncated?)`);
  }
  const [, keyId = '', iv = '', ciphertext = '', tag = ''] = parts;
  if (!isValidKeyId(keyId)) {
    throw malformed('the key id is not valid');
  }
  const parsed = {
    keyId,
    iv: decodePart(iv, 'iv'),
    ciphertext: decodePart(ciphertext, 'ciphertext'),
    tag: decodePart(tag, 'tag'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw malformed(`the iv must be ${IV_BYTES} bytes and the tag ${TAG_BYTES} (truncated?)`);
  }
  return parsed;
}

function decodePart(encoded: string, name: string): Buffer {
  const decoded = Buffer.from(encoded, 'base64url');
  // Buffer.from skips invalid characters, so only a canonical round trip counts as base64url.
  if (!BASE64URL.test(encoded) || decoded.toString('base64url') !== encoded) {
    throw malformed(`the ${name} is not valid base64url`);
  }
  return decoded;
}

function malformed(detail: string): SecretBoxError {
  return new SecretBoxError(
    'MALFORMED',
    `the stored value is not a valid ${VERSION}.<keyId>.<iv>.<ciphertext>.<tag> envelope: ${detail}`,
  );
}
