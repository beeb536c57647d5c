import { randomBytes } from 'node:crypto';
import {
  createKeyRing,
  formatEncryptionKey,
  generateEncryptionKey,
  parseEncryptionKey,
  parseKeyList,
} from '../../src/crypto/key-ring.js';

const variable = 'TENANTGATE_ENCRYPTION_KEY';
const validBase64 = randomBytes(32).toString('base64');

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}

describe('parseEncryptionKey', () => {
  it('parses <keyId>:<base64 of 32 bytes>, ignoring surrounding whitespace', () => {
    const parsed = parseEncryptionKey(`  k-2025_01:${validBase64}\n`, variable);
    expect(parsed.id).toBe('k-2025_01');
    expect(parsed.key.equals(Buffer.from(validBase64, 'base64'))).toBe(true);
  });

  it('round-trips through formatEncryptionKey', () => {
    const key = generateEncryptionKey('k1');
    const parsed = parseEncryptionKey(formatEncryptionKey(key), variable);
    expect(parsed.id).toBe('k1');
    expect(parsed.key.equals(key.key)).toBe(true);
  });

  const wrongLength = randomBytes(16).toString('base64');
  const badBase64 = `${validBase64.slice(0, 20)}!!${validBase64.slice(22)}`;
  it.each([
    ['no separator', validBase64, /missing the ':'/],
    ['a key of the wrong length', `k1:${wrongLength}`, /16 bytes, expected 32/],
    ['a key that is not base64', `k1:${badBase64}`, /not valid padded base64/],
    ['unpadded base64', `k1:${validBase64.replace(/=+$/, '')}`, /not valid padded base64/],
    ['an empty key', 'k1:', /not valid padded base64/],
    ['an empty key id', `:${validBase64}`, /key id/],
    ['a key id with a dot', `k.1:${validBase64}`, /key id/],
    ['a key id longer than 32 characters', `${'k'.repeat(33)}:${validBase64}`, /key id/],
  ])('rejects %s, naming the variable but not the value', (_case, value, problem) => {
    const message = messageOf(() => parseEncryptionKey(value, variable));
    expect(message).toContain(variable);
    expect(message).toMatch(problem);
    expect(message).toContain('<keyId>:<base64 of 32 random bytes>');
    expect(message).toContain('generate one with: node -e');
    for (const secret of [validBase64, wrongLength, badBase64, value]) {
      if (secret.length > 3) {
        expect(message).not.toContain(secret);
      }
    }
  });
});

describe('parseKeyList', () => {
  it('treats undefined and blank as no keys', () => {
    expect(parseKeyList(undefined, 'PREV')).toEqual([]);
    expect(parseKeyList(' ', 'PREV')).toEqual([]);
  });

  it('parses comma-separated keys and tolerates a trailing comma', () => {
    const a = generateEncryptionKey('a');
    const b = generateEncryptionKey('b');
    const parsed = parseKeyList(`${formatEncryptionKey(a)}, ${formatEncryptionKey(b)},`, 'PREV');
    expect(parsed.map((key) => key.id)).toEqual(['a', 'b']);
  });

  it('names the variable and the entry that is malformed', () => {
    const good = formatEncryptionKey(generateEncryptionKey('a'));
    const message = messageOf(() => parseKeyList(`${good},b:short`, 'TENANTGATE_PREVIOUS_ENCRYPTION_KEYS'));
    expect(message).toContain('TENANTGATE_PREVIOUS_ENCRYPTION_KEYS (entry 2)');
    expect(message).not.toContain(good);
  });
});

describe('createKeyRing', () => {
  it('finds every key by id, the active one first', () => {
    const active = generateEncryptionKey('k3');
    const older = [generateEncryptionKey('k2'), generateEncryptionKey('k1')];
    const ring = createKeyRing(active, older);
    expect(ring.active).toBe(active);
    expect(ring.ids()).toEqual(['k3', 'k2', 'k1']);
    expect(ring.get('k1')).toBe(older[1]);
    expect(ring.get('k0')).toBeUndefined();
  });

  it('rejects duplicate ids', () => {
    const active = generateEncryptionKey('k1');
    expect(() => createKeyRing(active, [generateEncryptionKey('k1')])).toThrow(/"k1" is configured more than once/);
  });

  it('rejects keys that are not 32 bytes, without echoing them', () => {
    const short = { id: 'k1', key: randomBytes(31) };
    const message = messageOf(() => createKeyRing(short, []));
    expect(message).toMatch(/32 bytes/);
    expect(message).not.toContain(short.key.toString('base64'));
  });
});

describe('generateEncryptionKey', () => {
  it('makes distinct 32-byte keys and validates the id', () => {
    const first = generateEncryptionKey('k1');
    expect(first.key).toHaveLength(32);
    expect(first.key.equals(generateEncryptionKey('k1').key)).toBe(false);
    expect(() => generateEncryptionKey('bad id')).toThrow(/key id/);
  });
});
