import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** Keyset pagination of `accounts` over HTTP: every row once, in order, and clear refusals. */

interface Page {
  edges: { cursor: string; node: { id: string; name: string; createdAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const ACCOUNTS = `query($first: Int, $after: String, $filter: AccountFilter, $orderBy: AccountOrder) {
  accounts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { id name createdAt } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

const TOTAL = 45;
const SEARCH_HITS = ['Acme WIDGET Works', 'widgetry ltd', 'The Widget Company', 'WiDgEt Partners', 'Blue widgets'];
const LEAKS = [/prisma/i, /stacktrace/i, /\bselect\b[\s\S]*\bfrom\b/i, /\n\s+at /, /\.[cm]?[jt]s:\d+/, /postgres(ql)?:\/\//i];

function expectError(result: GraphQLResult<unknown>, code: string, message: RegExp): void {
  expect(codesOf(result)).toEqual([code]);
  expect(result.errors[0]?.message).toMatch(message);
  const body = JSON.stringify(result.errors);
  for (const leak of LEAKS) {
    expect(body).not.toMatch(leak);
  }
}

let fleet: TestFleet;
let token: string;

async function page(variables: Record<string, unknown>): Promise<GraphQLResult<{ accounts: Page }>> {
  return fleet.gql<{ accounts: Page }>(ACCOUNTS, { variables, token });
}

/** Follows endCursor until hasNextPage is false, checking totalCount and page sizes on the way. */
async function pageThrough(variables: Record<string, unknown>, first: number, expectedTotal: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const result = await page({ ...variables, first, after });
    expect(result.errors).toEqual([]);
    const connection = result.data?.accounts;
    if (!connection) {
      throw new Error('no accounts connection in the response');
    }
    expect(connection.totalCount).toBe(expectedTotal);
    ids.push(...connection.edges.map((edge) => edge.node.id));
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
    if (!connection.pageInfo.hasNextPage) {
      expect(connection.edges.length).toBe(expectedTotal - (ids.length - connection.edges.length));
      return ids;
    }
    expect(connection.edges).toHaveLength(first);
    after = connection.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

/** The database's own order for the same sort, as the oracle (collation-independent). */
async function dbOrder(orderBy: { name?: 'asc' | 'desc'; createdAt?: 'asc' | 'desc' }, id: 'asc' | 'desc', search?: string): Promise<string[]> {
  const raw = await fleet.rawDb('acme');
  const rows = await raw.prisma.account.findMany({
    where: { tenantId: fleet.tenants.acme.id, ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}) },
    orderBy: [orderBy, { id }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  fleet = await startTestFleet();
  token = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const tenantId = fleet.tenants.acme.id;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const plain = TOTAL - SEARCH_HITS.length;
  const rows = Array.from({ length: plain }, (_, i) => ({
    tenantId,
    // Ties that straddle page edges, so only the id tie-breaker keeps every row: five rows share a
    // name (positions 17-21 by name), six share a createdAt (positions 17-22 newest first, 22-27 oldest first).
    name: i >= 17 && i <= 21 ? 'Account 17' : `Account ${String(i).padStart(2, '0')}`,
    createdAt: new Date(i >= 22 && i <= 27 ? base + 22_000 : base + i * 1_000),
  }));
  const hits = SEARCH_HITS.map((name, i) => ({ tenantId, name, createdAt: new Date(base + (plain + i) * 1_000) }));
  const raw = await fleet.rawDb('acme');
  await raw.prisma.account.createMany({ data: [...rows, ...hits] });
});
afterAll(async () => {
  await fleet?.close();
});

describe('paging through 45 accounts', () => {
  test('by name (the default order), 20 at a time: every row exactly once, in order', async () => {
    const ids = await pageThrough({}, 20, TOTAL);
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual(await dbOrder({ name: 'asc' }, 'asc'));
  });

  test('by createdAt descending, 20 at a time: every row exactly once, newest first', async () => {
    const ids = await pageThrough({ orderBy: { field: 'CREATED_AT', direction: 'DESC' } }, 20, TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual(await dbOrder({ createdAt: 'desc' }, 'desc'));
  });

  test('by name descending and createdAt ascending, with pages that end exactly on the last row', async () => {
    const byName = await pageThrough({ orderBy: { field: 'NAME', direction: 'DESC' } }, 15, TOTAL);
    expect(byName).toEqual(await dbOrder({ name: 'desc' }, 'desc'));
    const byCreated = await pageThrough({ orderBy: { field: 'CREATED_AT' } }, 9, TOTAL);
    expect(byCreated).toEqual(await dbOrder({ createdAt: 'asc' }, 'asc'));
  });

  test('after the last cursor comes an empty page', async () => {
    const all = await page({ first: 100 });
    expect(all.data?.accounts.edges).toHaveLength(TOTAL);
    expect(all.data?.accounts.pageInfo.hasNextPage).toBe(false);
    const beyond = await page({ first: 10, after: all.data?.accounts.pageInfo.endCursor });
    expect(beyond.errors).toEqual([]);
    expect(beyond.data?.accounts).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: TOTAL });
  });

  test('without first, a page holds 20 rows', async () => {
    const result = await page({});
    expect(result.data?.accounts.edges).toHaveLength(20);
    expect(result.data?.accounts.pageInfo.hasNextPage).toBe(true);
  });
});

describe('filter.search', () => {
  test('is case-insensitive, and totalCount counts the filter on every page', async () => {
    const ids = await pageThrough({ filter: { search: 'wIDGet' } }, 2, SEARCH_HITS.length);
    expect(ids).toEqual(await dbOrder({ name: 'asc' }, 'asc', 'widget'));
    const raw = await fleet.rawDb('acme');
    const names = (await raw.prisma.account.findMany({ where: { id: { in: ids } }, select: { name: true } })).map((row) => row.name);
    expect(names.sort()).toEqual([...SEARCH_HITS].sort());
  });

  test('matching nothing gives an empty connection', async () => {
    const result = await page({ filter: { search: 'no such account' } });
    expect(result.data?.accounts).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});

describe('bad paging arguments are BAD_USER_INPUT with a clear message', () => {
  const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');

  test('a malformed cursor', async () => {
    expectError(await page({ after: 'garbage' }), 'BAD_USER_INPUT', /after is not a valid cursor/);
    expectError(await page({ after: forge({ not: 'a cursor' } as unknown as unknown[]) }), 'BAD_USER_INPUT', /after is not a valid cursor/);
  });

  test('a cursor issued for another orderBy field', async () => {
    const byName = await page({ first: 5 });
    const cursor = byName.data?.accounts.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    expectError(
      await page({ first: 5, after: cursor, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }),
      'BAD_USER_INPUT',
      /different orderBy/,
    );
  });

  test('a cursor issued for the other direction of the same field', async () => {
    const ascending = await page({ first: 5, orderBy: { field: 'NAME', direction: 'ASC' } });
    const cursor = ascending.data?.accounts.pageInfo.endCursor;
    expectError(await page({ first: 5, after: cursor, orderBy: { field: 'NAME', direction: 'DESC' } }), 'BAD_USER_INPUT', /orderBy/);
  });

  test('a well-formed cursor whose id is not a UUID', async () => {
    expectError(await page({ after: forge(['name:asc', 's', 'Account 10', 'not-a-uuid']) }), 'BAD_USER_INPUT', /after is not a valid cursor/);
  });

  test('a well-formed createdAt cursor whose date is not a date', async () => {
    expectError(
      await page({ after: forge(['createdAt:asc', 'd', 'yesterday', '00000000-0000-4000-8000-000000000000']), orderBy: { field: 'CREATED_AT' } }),
      'BAD_USER_INPUT',
      /after is not a valid cursor/,
    );
  });

  test('a non-UUID filter.ownerId', async () => {
    expectError(await page({ filter: { ownerId: 'nope' } }), 'BAD_USER_INPUT', /ownerId must be a UUID/);
  });

  test.each([500, 101, 0, -1])('first: %d names the limit', async (first) => {
    expectError(await page({ first }), 'BAD_USER_INPUT', /first must be between 1 and 100/);
  });
});
