import { createHash } from 'node:crypto';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

const url = (path: string) => `${fleet.app.url}${path}`;

test('probes: /healthz is the process, /readyz the control plane and the change listener', async () => {
  expect((await fetch(url('/healthz'))).status).toBe(200);
  const ready = await fetch(url('/readyz'));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { controlPlane: 'ok', changeListener: 'ok' } });
});

test('/ redirects to /graphql, and other paths are 404', async () => {
  const root = await fetch(url('/'), { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/graphql');
  expect((await fetch(url('/nope'))).status).toBe(404);
});

test('a browser opening /graphql gets the Apollo sandbox landing page (not in production)', async () => {
  const page = await fetch(url('/graphql'), { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  expect(await page.text()).toMatch(/sandbox/i);
});

test('CORS: an allowed origin gets a preflight answer and the allow-origin header; another does not', async () => {
  const preflight = await fetch(url('/graphql'), {
    method: 'OPTIONS',
    headers: { origin: 'https://spa.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('https://spa.example');
  expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
  const post = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { origin: 'https://spa.example', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(post.headers.get('access-control-allow-origin')).toBe('https://spa.example');
  const foreign = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
});

test('malformed JSON is 400 and an oversize body is 413, both with a GraphQL-shaped error', async () => {
  const malformed = await fetch(url('/graphql'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  const huge = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(2 * 1024 * 1024) }),
  });
  expect(huge.status).toBe(413);
  expect(await huge.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
});

test('CSRF prevention: a GET query without a preflight-forcing header is refused', async () => {
  const response = await fetch(url('/graphql?query=%7B__typename%7D'));
  expect(response.status).toBe(400);
  const allowed = await fetch(url('/graphql?query=%7B__typename%7D'), { headers: { 'apollo-require-preflight': 'true' } });
  expect(allowed.status).toBe(200);
});

test('query limits: a too-deep or too-aliased document is refused before any tenant database is touched', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const before = fleet.app.pool.stats().builds;
  const nest = (depth: number): string => (depth === 0 ? 'id' : `contacts { edges { node { accounts { edges { node { ${nest(depth - 1)} } } } } } }`);
  const deep = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: `{ accounts { edges { node { ${nest(3)} } } } }` }),
  });
  const deepBody = (await deep.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(deepBody.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(deepBody.errors[0]?.message).toMatch(/depth/i);
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { role }`).join(' ');
  const aliased = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: `{ ${aliases} }` }),
  });
  const aliasedBody = (await aliased.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(aliasedBody.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(aliasedBody.errors[0]?.message).toMatch(/alias/i);
  expect(fleet.app.pool.stats().builds).toBe(before);
  const ordinary = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: '{ accounts(first: 5) { edges { node { contacts { edges { node { accounts { edges { node { owner { email } } } } } } } } } } }' }),
  });
  expect(((await ordinary.json()) as { errors?: unknown[] }).errors).toBeUndefined();
});

describe('query cost: connections multiply by their first', () => {
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const { accessToken } = await fleet.login('owner@acme.test', 'acme');
    const response = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] };
    return { status: response.status, errors: body.errors ?? [] };
  };
  const NESTED = `query($n: Int) { accounts(first: $n) { edges { node { contacts(first: $n) { edges { node {
    accounts(first: $n) { edges { node { id } } } } } } } } } }`;

  test('the rich events screen is accepted', async () => {
    const screen = await post(`{ events(first: 50) { totalCount edges { node { id name status
      dates { edges { node { id startsAt endsAt location { id name } } } } location { id name } account { id name } owner { id displayName } } } } }`);
    expect(screen).toEqual({ status: 200, errors: [] });
  });

  test('50 × 50 × 50 nested connections are refused with QUERY_TOO_COMPLEX before any tenant database is touched', async () => {
    const before = fleet.app.pool.stats().builds;
    const refused = await post(NESTED, { n: 50 });
    expect(refused.status).toBe(400);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 127_550, maxNodes: 50_000 });
    expect(refused.errors[0]?.message).toBe(
      'The query may return 127,550 nodes, over the limit of 50,000; accounts(first: 50) × contacts(first: 50) × accounts(first: 50) multiplies to 125,000 nodes. Ask for smaller pages (first) or fewer nested connections.',
    );
    expect(fleet.app.pool.stats().builds).toBe(before);
  });

  test('page sizes given as variables are what is measured, their declared defaults included', async () => {
    expect(await post(NESTED, { n: 10 })).toEqual({ status: 200, errors: [] });
    expect((await post(NESTED, { n: 40 })).errors.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    const defaulted = NESTED.replace('query($n: Int)', 'query($n: Int = 40)');
    expect((await post(defaulted)).errors.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('a persisted query is measured with the variables of each request that runs it', async () => {
    const { accessToken } = await fleet.login('owner@acme.test', 'acme');
    const sha256Hash = createHash('sha256').update(NESTED).digest('hex');
    const persisted = async (n: number, query?: string) => {
      const response = await fetch(url('/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query, variables: { n }, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
      const body = (await response.json()) as { errors?: { extensions: Record<string, unknown> }[] };
      return { status: response.status, codes: (body.errors ?? []).map((error) => error.extensions.code) };
    };
    expect(await persisted(10, NESTED)).toEqual({ status: 200, codes: [] });
    expect(await persisted(10)).toEqual({ status: 200, codes: [] });
    expect(await persisted(40)).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'] });
  });
});

test('the sandbox introspection query is not caught by the limits', async () => {
  const { getIntrospectionQuery } = await import('graphql');
  const response = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }),
  });
  const body = (await response.json()) as { data?: { __schema: { types: unknown[] } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data?.__schema.types.length).toBeGreaterThan(20);
});
