import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { AccessTokens, signingKeyId, type AccessTokenOptions } from '../../src/auth/access-tokens.js';
import { type Principal } from '../../src/auth/principal.js';

const principal: Principal = { userId: 'a4c1f1de-0000-4000-8000-000000000001', tenantId: 'a4c1f1de-0000-4000-8000-000000000002', role: 'MEMBER', isPlatformAdmin: false };
const base = { issuer: 'tenantgate-test', audience: 'tenantgate-test-api', ttlSeconds: 300 };
const oldSecret = randomBytes(32);
const newSecret = randomBytes(32);
const tokens = (options: Partial<AccessTokenOptions> & { secret: Uint8Array }) => new AccessTokens({ ...base, ...options });
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe('signing key rotation', () => {
  test('every token names its signing key, and the id is the same wherever the secret is', async () => {
    const { token } = await tokens({ secret: newSecret }).sign(principal);
    expect(decodeProtectedHeader(token).kid).toBe(signingKeyId(newSecret));
    expect(signingKeyId(Buffer.from(newSecret))).toBe(signingKeyId(newSecret));
    expect(signingKeyId(oldSecret)).not.toBe(signingKeyId(newSecret));
  });

  test('a token of the previous key is accepted during its grace period and refused after it', async () => {
    const { token } = await tokens({ secret: oldSecret }).sign(principal);
    await expect(tokens({ secret: newSecret, previous: { secret: oldSecret, acceptUntil: inSeconds(60) } }).verify(token)).resolves.toEqual(principal);
    await expect(tokens({ secret: newSecret, previous: { secret: oldSecret, acceptUntil: inSeconds(-1) } }).verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'access token was signed with a retired key; call refresh',
    });
    await expect(tokens({ secret: newSecret }).verify(token)).rejects.toMatchObject({ message: 'access token was signed with an unknown key' });
  });

  test('the previous key signs nothing new, and cannot pass for the current key', async () => {
    const rotated = tokens({ secret: newSecret, previous: { secret: oldSecret, acceptUntil: inSeconds(60) } });
    const { token } = await rotated.sign(principal);
    expect(decodeProtectedHeader(token).kid).toBe(signingKeyId(newSecret));
    const forged = await new SignJWT({ tid: principal.tenantId, role: 'OWNER' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: signingKeyId(newSecret) })
      .setSubject(principal.userId)
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setExpirationTime('5m')
      .sign(oldSecret);
    await expect(rotated.verify(forged)).rejects.toMatchObject({ message: 'access token signature is invalid' });
  });

  test('a token from before key ids is verified with the current key only', async () => {
    const unnamed = (secret: Uint8Array) =>
      new SignJWT({ tid: principal.tenantId, role: principal.role })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setSubject(principal.userId)
        .setIssuer(base.issuer)
        .setAudience(base.audience)
        .setExpirationTime('5m')
        .sign(secret);
    const rotated = tokens({ secret: newSecret, previous: { secret: oldSecret, acceptUntil: inSeconds(60) } });
    await expect(rotated.verify(await unnamed(newSecret))).resolves.toEqual(principal);
    await expect(rotated.verify(await unnamed(oldSecret))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('verified tokens', () => {
  /** A clock the test moves; verification reads it for expiry and for a retired key's grace period. */
  const clockAt = (start: Date) => {
    const clock = { time: start, now: () => clock.time, advance: (seconds: number) => (clock.time = new Date(clock.time.getTime() + seconds * 1000)) };
    return clock;
  };

  test('a repeated token is not verified through WebCrypto again, and answers the same principal', async () => {
    const verifier = tokens({ secret: newSecret });
    const { token } = await verifier.sign(principal);
    const webCryptoVerify = jest.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      for (let request = 0; request < 3; request += 1) {
        await expect(verifier.verify(token)).resolves.toEqual(principal);
      }
      expect(webCryptoVerify).toHaveBeenCalledTimes(1);
    } finally {
      webCryptoVerify.mockRestore();
    }
  });

  test('a verified token is refused once it expires', async () => {
    const clock = clockAt(new Date());
    const verifier = tokens({ secret: newSecret, ttlSeconds: 60, now: clock.now });
    const { token } = await verifier.sign(principal);
    await expect(verifier.verify(token)).resolves.toEqual(principal);
    clock.advance(59);
    await expect(verifier.verify(token)).resolves.toEqual(principal);
    clock.advance(2);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'access token has expired; call refresh' });
  });

  test("a verified token of the previous key is refused once the key's grace period ends", async () => {
    const { token } = await tokens({ secret: oldSecret }).sign(principal);
    const clock = clockAt(new Date());
    const rotated = tokens({ secret: newSecret, previous: { secret: oldSecret, acceptUntil: inSeconds(60) }, now: clock.now });
    await expect(rotated.verify(token)).resolves.toEqual(principal);
    clock.advance(61);
    await expect(rotated.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'access token was signed with a retired key; call refresh' });
  });

  test('a token that differs from a verified one in any part is verified anew', async () => {
    const verifier = tokens({ secret: newSecret });
    const { token } = await verifier.sign(principal);
    await expect(verifier.verify(token)).resolves.toEqual(principal);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flip = (part: string) => `${part.slice(0, -2)}${part.at(-2) === 'A' ? 'B' : 'A'}${part.at(-1)}`;
    for (const altered of [`${header}.${payload}.${flip(signature)}`, `${header}.${flip(payload)}.${signature}`, `${token}x`]) {
      await expect(verifier.verify(altered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  test('a principal returned for a remembered token is a copy', async () => {
    const verifier = tokens({ secret: newSecret });
    const { token } = await verifier.sign(principal);
    for (let request = 0; request < 2; request += 1) {
      const answered = await verifier.verify(token);
      answered.role = 'OWNER';
    }
    await expect(verifier.verify(token)).resolves.toEqual(principal);
  });
});
