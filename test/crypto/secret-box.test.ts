import { createKeyRing, generateEncryptionKey, type EncryptionKey } from '../../src/crypto/key-ring.js';
import {
  envelopeKeyId,
  open,
  seal,
  SecretBoxError,
  type SecretBoxFailure,
} from '../../src/crypto/secret-box.js';

const plaintext = 'postgresql://tenant_acme:s3cr3t-pa55@db.internal:5432/acme';
const datasourceId = 'ds_0001';
const k1 = generateEncryptionKey('k1');
const k2 = generateEncryptionKey('k2');
const ring = createKeyRing(k1, []);

/** Replaces one dot-separated part of an envelope. */
function withPart(envelope: string, index: number, replace: (part: string) => string): string {
  const parts = envelope.split('.');
  parts[index] = replace(parts[index] ?? '');
  return parts.join('.');
}

/** Flips the first character of a base64url part to another valid character. */
function flipFirst(part: string): string {
  return (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
}

function expectFailure(run: () => unknown, reason: SecretBoxFailure, secrets: EncryptionKey[] = [k1, k2]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SecretBoxError);
  const error = caught as SecretBoxError;
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(/^datasource secret could not be decrypted: /);
  expect(error.message).not.toContain(plaintext);
  expect(error.message).not.toContain('s3cr3t');
  for (const key of secrets) {
    expect(error.message).not.toContain(key.key.toString('base64'));
    expect(error.message).not.toContain(key.key.toString('base64url'));
  }
}

describe('seal/open', () => {
  it('round-trips a secret', () => {
    const envelope = seal(k1, plaintext, datasourceId);
    expect(open(ring, envelope, datasourceId)).toBe(plaintext);
  });

  it('round-trips empty and non-ASCII plaintext', () => {
    for (const text of ['', 'pässwörd-🔑']) {
      expect(open(ring, seal(k1, text, datasourceId), datasourceId)).toBe(text);
    }
  });

  it('writes a tg1 envelope that names the key and never contains the plaintext', () => {
    const envelope = seal(k1, plaintext, datasourceId);
    expect(envelope).toMatch(/^tg1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(envelope).not.toContain('s3cr3t');
    expect(envelopeKeyId(envelope)).toBe('k1');
  });

  it('produces a different envelope each time for the same plaintext', () => {
    const first = seal(k1, plaintext, datasourceId);
    const second = seal(k1, plaintext, datasourceId);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('refuses an empty aad, which would bind the secret to nothing', () => {
    expect(() => seal(k1, plaintext, '')).toThrow(/non-empty aad/);
  });

  it('refuses a key that is not 32 bytes before touching the cipher', () => {
    expect(() => seal({ id: 'short', key: Buffer.alloc(16) }, plaintext, datasourceId)).toThrow(/32 bytes/);
  });
});

describe('open rejects', () => {
  const envelope = seal(k1, plaintext, datasourceId);

  it.each([
    ['iv', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ])('a tampered %s as AUTHENTICATION_FAILED', (_name, index) => {
    expectFailure(() => open(ring, withPart(envelope, index, flipFirst), datasourceId), 'AUTHENTICATION_FAILED');
  });

  it('a truncated envelope as MALFORMED', () => {
    for (const cut of [1, 5, envelope.length - envelope.lastIndexOf('.'), envelope.length - 3]) {
      expectFailure(() => open(ring, envelope.slice(0, envelope.length - cut), datasourceId), 'MALFORMED');
    }
  });

  it('garbage and non-canonical base64url as MALFORMED', () => {
    const padded = withPart(envelope, 3, (part) => `${part}=`);
    const plusSign = withPart(envelope, 2, (part) => `${part.slice(0, -1)}+`);
    for (const bad of ['', 'not an envelope', 'tg1', 'tg1....', padded, plusSign]) {
      expectFailure(() => open(ring, bad, datasourceId), 'MALFORMED');
    }
  });

  it('the wrong key under the same id as AUTHENTICATION_FAILED', () => {
    const impostor = createKeyRing(generateEncryptionKey('k1'), []);
    expectFailure(() => open(impostor, envelope, datasourceId), 'AUTHENTICATION_FAILED', [k1, impostor.active]);
  });

  it('a key id the ring does not know as UNKNOWN_KEY, naming the id', () => {
    const other = createKeyRing(k2, []);
    expectFailure(() => open(other, envelope, datasourceId), 'UNKNOWN_KEY');
    expect(() => open(other, envelope, datasourceId)).toThrow(/"k1"/);
  });

  it('another datasource id as AUTHENTICATION_FAILED', () => {
    expectFailure(() => open(ring, envelope, 'ds_0002'), 'AUTHENTICATION_FAILED');
  });

  it('a swapped key id as AUTHENTICATION_FAILED, even when both ids hold the same key bytes', () => {
    const swapped = withPart(envelope, 1, () => 'k2');
    expectFailure(() => open(createKeyRing(k1, [k2]), swapped, datasourceId), 'AUTHENTICATION_FAILED');
    const alias = createKeyRing(k1, [{ id: 'k2', key: k1.key }]);
    expectFailure(() => open(alias, swapped, datasourceId), 'AUTHENTICATION_FAILED');
  });

  it('an unsupported version as UNSUPPORTED_VERSION', () => {
    const future = withPart(envelope, 0, () => 'tg2');
    expectFailure(() => open(ring, future, datasourceId), 'UNSUPPORTED_VERSION');
    expectFailure(() => envelopeKeyId(future), 'UNSUPPORTED_VERSION');
  });

  it('without putting the envelope in the message', () => {
    const tampered = withPart(envelope, 3, flipFirst);
    expect(() => open(ring, tampered, datasourceId)).toThrow(SecretBoxError);
    try {
      open(ring, tampered, datasourceId);
    } catch (error) {
      const message = (error as Error).message;
      for (const part of tampered.split('.').slice(2)) {
        expect(message).not.toContain(part);
      }
    }
  });
});

describe('rotation', () => {
  it('opens secrets sealed under an older key while sealing new ones with the active key', () => {
    const old = seal(k1, plaintext, datasourceId);
    const rotated = createKeyRing(k2, [k1]);
    expect(open(rotated, old, datasourceId)).toBe(plaintext);
    const resealed = seal(rotated.active, open(rotated, old, datasourceId), datasourceId);
    expect(envelopeKeyId(resealed)).toBe('k2');
    expect(open(rotated, resealed, datasourceId)).toBe(plaintext);
    expect(rotated.ids()).toEqual(['k2', 'k1']);
  });
});
