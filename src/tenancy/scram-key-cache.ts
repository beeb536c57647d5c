import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';

/** The part of `pg/lib/crypto/utils` that SCRAM authentication calls (looked up at each call). */
interface PgCryptoUtils {
  deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer>;
  hmacSha256(key: ArrayBuffer, message: string): Promise<ArrayBuffer>;
  sha256(data: ArrayBuffer): Promise<ArrayBuffer>;
}

/** A digest as the ArrayBuffer `pg` expects from WebCrypto. */
const arrayBufferOf = (digest: Buffer): ArrayBuffer => digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;

/** Distinct (password, salt, iterations) triples remembered; a tenant role has one until its password changes. */
const MAX_KEYS = 10_000;

/**
 * Logging in with SCRAM-SHA-256 makes the client derive SaltedPassword = PBKDF2-SHA-256(password,
 * salt, iterations) each time: 4,096 iterations by default, 2–3 ms of CPU per connection. The salt
 * and the iteration count are the role's and stay the same until its password changes, so a gateway
 * that reopens a datasource's connections many times (reclaimed under the connection budget)
 * derives the same key again and again. This remembers derived keys by a SHA-256 of the triple:
 * a reconnect pays two HMACs instead. A changed password or salt is a different triple, so a stale
 * key is never used, and a wrong password still fails at the server. The keys stay in this
 * process's memory, as the decrypted datasource URLs do.
 */
export class ScramKeyCache {
  private readonly keys = new Map<string, ArrayBuffer>();
  hits = 0;
  derivations = 0;

  constructor(private readonly derive: PgCryptoUtils['deriveKey']) {}

  async deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer> {
    const id = createHash('sha256').update(password).update('\0').update(salt).update(`\0${iterations}`).digest('base64');
    const known = this.keys.get(id);
    if (known) {
      this.hits += 1;
      // Most recently used last, so the oldest is the first to go.
      this.keys.delete(id);
      this.keys.set(id, known);
      return known.slice(0);
    }
    this.derivations += 1;
    const key = await this.derive(password, salt, iterations);
    this.keys.set(id, key.slice(0));
    if (this.keys.size > MAX_KEYS) {
      this.keys.delete(this.keys.keys().next().value as string);
    }
    return key;
  }
}

let installed: ScramKeyCache | undefined;

/**
 * Puts one {@link ScramKeyCache} in front of `pg`'s key derivation for the whole process (every `pg`
 * client shares that module) and returns it; later calls return the same one. It also computes the
 * login's other HMAC-SHA-256 and SHA-256 steps (four HMACs and a digest per connection) with
 * `node:crypto` instead of WebCrypto: each WebCrypto call on Node 20 imports a key and queues a job,
 * about 2.8 ms of gateway CPU per connection in the many-tenant benchmark's profile, where the same
 * hashes take microseconds. The results are the same bytes, so the server still checks the proof
 * and the client still checks the server's signature.
 */
export function installScramKeyCache(): ScramKeyCache {
  if (!installed) {
    // `pg` exports `lib/*` as public subpaths; SCRAM's `sasl.js` calls `deriveKey` through this object.
    const utils = createRequire(import.meta.url)('pg/lib/crypto/utils') as PgCryptoUtils;
    const cache = new ScramKeyCache(utils.deriveKey.bind(utils));
    utils.deriveKey = (password, salt, iterations) => cache.deriveKey(password, salt, iterations);
    utils.hmacSha256 = (key, message) => Promise.resolve(arrayBufferOf(createHmac('sha256', Buffer.from(key)).update(message).digest()));
    utils.sha256 = (data) => Promise.resolve(arrayBufferOf(createHash('sha256').update(Buffer.from(data)).digest()));
    installed = cache;
  }
  return installed;
}
