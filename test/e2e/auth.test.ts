import { randomBytes } from 'node:crypto';
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { ACCOUNTS, authRequests, CREATE_ACCOUNT, ME, uniqueName, type AccountsView, type MeView } from '../support/auth-requests.js';
import { codesOf } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

// Login, the `me` query and access-token verification, proved over real HTTP with real and forged
// tokens. Tenant headers, cross-tenant ids, roles, membership removal and suspension are in
// auth-access.test.ts; sessions (refresh, switchTenant, logout) in auth-sessions.test.ts; a fleet
// whose tenant databases are all down in auth-tenant-down.test.ts.

const INVALID_LOGIN = 'invalid email, password or tenant';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const { send, refusedWithoutClient, tryLogin, login } = authRequests(() => fleet);

describe('login', () => {
  it('returns a token pair, its expiry, the user, the tenant and the role', async () => {
    const startedAt = Date.now();
    const payload = await login('owner@acme.test', 'acme');
    expect(payload.user.email).toBe('owner@acme.test');
    expect(payload.tenant).toEqual({ id: fleet.tenants.acme.id, slug: 'acme', name: 'acme test tenant', status: 'ACTIVE' });
    expect(payload.role).toBe('OWNER');
    expect(payload.refreshToken).not.toBe(payload.accessToken);
    const expiresAt = Date.parse(payload.expiresAt);
    expect(expiresAt).toBeGreaterThan(startedAt);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + fleet.config.auth.accessTtlSeconds * 1000 + 1000);

    expect(decodeProtectedHeader(payload.accessToken)).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(decodeJwt(payload.accessToken)).toMatchObject({
      sub: payload.user.id,
      tid: fleet.tenants.acme.id,
      iss: fleet.config.auth.issuer,
      aud: fleet.config.auth.audience,
    });
    const me = await send<MeView>(ME, { token: payload.accessToken });
    expect(me.errors).toEqual([]);
    expect(me.data?.me.tenant.slug).toBe('acme');
  });

  it('refuses a wrong password, an unknown email, and a tenant the user is not in, with one message', async () => {
    const failures = await Promise.all([
      tryLogin('owner@acme.test', 'acme', 'not the password'),
      tryLogin('nobody@acme.test', 'acme'),
      tryLogin('owner@acme.test', 'globex'),
      tryLogin('owner@acme.test', 'no-such-tenant'),
      tryLogin('nobody@acme.test', null),
    ]);
    for (const result of failures) {
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors[0]?.message).toBe(INVALID_LOGIN);
      expect(result.data).toBeNull();
    }
  });

  it('rejects an invalid email as BAD_USER_INPUT', async () => {
    const result = await tryLogin('not-an-email', 'acme');
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeNull();
  });

  it('lets a one-tenant user omit tenantSlug, and asks a multi-tenant user to choose', async () => {
    const single = await login('viewer@acme.test');
    expect(single.tenant.slug).toBe('acme');
    expect(single.role).toBe('VIEWER');

    const multi = await tryLogin('multi@tenants.test', null);
    expect(codesOf(multi)).toEqual(['BAD_USER_INPUT']);
    expect(multi.data).toBeNull();
    expect((await login('multi@tenants.test', 'globex')).role).toBe('OWNER');
  });

  it('refuses a platform admin without membership, with the same message as a bad password', async () => {
    for (const tenantSlug of [null, 'acme']) {
      const result = await tryLogin('admin@tenantgate.test', tenantSlug);
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors[0]?.message).toBe(INVALID_LOGIN);
    }
  });
});

describe('me', () => {
  it('shows the user, the tenant of the token, the live role and every membership', async () => {
    const owner = await login('owner@acme.test', 'acme');
    const me = await send<MeView>(ME, { token: owner.accessToken });
    expect(me.errors).toEqual([]);
    expect(me.data?.me).toEqual({
      user: { id: owner.user.id, email: 'owner@acme.test' },
      tenant: { id: fleet.tenants.acme.id, slug: 'acme' },
      role: 'OWNER',
      isPlatformAdmin: false,
      memberships: [{ tenant: { slug: 'acme' }, role: 'OWNER' }],
    });

    const multi = await login('multi@tenants.test', 'acme');
    const multiMe = await send<MeView>(ME, { token: multi.accessToken });
    expect(multiMe.data?.me.role).toBe('MEMBER');
    expect(multiMe.data?.me.memberships).toEqual([
      { tenant: { slug: 'acme' }, role: 'MEMBER' },
      { tenant: { slug: 'globex' }, role: 'OWNER' },
    ]);
  });

  it('needs a token', async () => {
    const result = await refusedWithoutClient(() => send(ME));
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('access-token verification', () => {
  let userId: string;
  let viewerId: string;
  let refreshToken: string;
  beforeAll(async () => {
    const owner = await login('owner@acme.test', 'acme');
    userId = owner.user.id;
    refreshToken = owner.refreshToken;
    viewerId = (await login('viewer@acme.test', 'acme')).user.id;
  });

  interface Forgery {
    alg?: string;
    typ?: string;
    secret?: Uint8Array;
    issuer?: string;
    audience?: string;
    expiresAt?: number;
    subject?: string;
    claims?: Record<string, unknown>;
  }

  /** Signs an access token the way the gateway does, with one thing changed. */
  function forge(forgery: Forgery = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: fleet.tenants.acme.id, role: 'OWNER', ...forgery.claims })
      .setProtectedHeader({ alg: forgery.alg ?? 'HS256', typ: forgery.typ ?? 'at+jwt' })
      .setSubject(forgery.subject ?? userId)
      .setIssuer(forgery.issuer ?? fleet.config.auth.issuer)
      .setAudience(forgery.audience ?? fleet.config.auth.audience)
      .setIssuedAt(now - 120)
      .setExpirationTime(forgery.expiresAt ?? now + 300)
      .sign(forgery.secret ?? fleet.config.auth.jwtSecret);
  }

  /** An unsigned token (`alg: none`) with claims that would otherwise be valid. */
  function unsigned(): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const claims = { sub: userId, tid: fleet.tenants.acme.id, role: 'OWNER', iss: fleet.config.auth.issuer, aud: fleet.config.auth.audience, iat: now, exp: now + 300 };
    return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`;
  }

  it('accepts a token forged with every property right (the forgeries below differ in one thing)', async () => {
    const result = await send<AccountsView>(ACCOUNTS, { token: await forge() });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(200);
  });

  // Each forgery is refused for its own reason, so a refusal for some other reason would not pass.
  const refusals: [string, string, () => Promise<string> | string][] = [
    ['an expired token', 'expired', () => forge({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ['an alg "none" token', 'algorithm', () => unsigned()],
    ['an HS384 token signed with the right secret (not on the alg allow-list)', 'algorithm', () => forge({ alg: 'HS384' })],
    ['a token signed with another secret', 'signature', () => forge({ secret: randomBytes(32) })],
    ['a token for another audience', '"aud"', () => forge({ audience: 'some-other-api' })],
    ['a token from another issuer', '"iss"', () => forge({ issuer: 'https://evil.example' })],
    ['a token of type JWT instead of at+jwt', '"typ"', () => forge({ typ: 'JWT' })],
    ['a token without a tenant claim', '"tid"', () => forge({ claims: { tid: undefined } })],
    ['a token with an unknown role', 'malformed', () => forge({ claims: { role: 'SUPERUSER' } })],
    ['a refresh token sent as bearer', 'malformed', () => refreshToken],
    ['a token with a flipped signature byte', 'signature', async () => {
      const token = await forge();
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      return `${token.slice(0, -2)}${last}${token.at(-1) ?? ''}`;
    }],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED (%s) and builds no tenant client', async (_label, reason, make) => {
    const token = await make();
    const result = await refusedWithoutClient(() => send(ACCOUNTS, { token }));
    expect(result.status).toBe(401);
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors[0]?.message).toContain(reason);
    expect(result.data).toBeNull();
  });

  it.each([['Basic xyz'], ['Bearer'], ['Bearer a b'], ['Token abc.def.ghi']])(
    'refuses the Authorization header "%s" with 401 UNAUTHENTICATED',
    async (authorization) => {
      const result = await refusedWithoutClient(() => send(ACCOUNTS, { headers: { authorization } }));
      expect(result.status).toBe(401);
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    },
  );

  it('lets a client that still sends its expired access token call refresh (the SPA interceptor case)', async () => {
    const expired = await forge({ expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const refreshed = await send<{ refresh: { accessToken: string; refreshToken: string } }>(
      'mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }',
      { token: expired, variables: { t: refreshToken } },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.errors).toEqual([]);
    refreshToken = refreshed.data?.refresh.refreshToken ?? '';
    const protectedField = await send(ME, { token: expired });
    expect(protectedField.status).toBe(401);
    expect(codesOf(protectedField)).toEqual(['UNAUTHENTICATED']);
    expect(protectedField.errors[0]?.message).toMatch(/expired/);
  });

  it('refuses a business query without any token', async () => {
    const result = await refusedWithoutClient(() => send(ACCOUNTS));
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeNull();
  });

  it('takes the role from the live membership, not from the token', async () => {
    const token = await forge({ subject: viewerId, claims: { role: 'OWNER' } });
    const me = await send<MeView>(ME, { token });
    expect(me.data?.me.role).toBe('VIEWER');
    const result = await refusedWithoutClient(() => send(CREATE_ACCOUNT, { token, variables: { name: uniqueName('forged owner') } }));
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
  });

  it('refuses a validly signed token for a tenant the user is not a member of', async () => {
    const token = await forge({ claims: { tid: fleet.tenants.globex.id } });
    const result = await refusedWithoutClient(() => send(ACCOUNTS, { token }));
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
  });
});
