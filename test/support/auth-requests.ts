import { randomBytes } from 'node:crypto';
import { postGraphQL, type GraphQLResult, type RawGraphQLResult, type RequestOptions } from './graphql-client.js';
import { TEST_PASSWORD, type TestFleet } from './test-fleet.js';

// What the auth end-to-end tests (auth*.test.ts) share: the operations they send, the views of
// their answers, and requests that check every raw response for what must never be in it.

/** What `login` answers, as selected by {@link LOGIN}. */
export interface AuthPayloadView {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  role: string;
  user: { id: string; email: string; displayName: string };
  tenant: { id: string; slug: string; name: string; status: string };
}
/** What `refresh` and `switchTenant` answer, as selected by {@link TOKEN_PAIR}. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  role: string;
  tenant: { id: string; slug: string };
}
/** What {@link ME} answers. */
export interface MeView {
  me: {
    user: { id: string; email: string };
    tenant: { id: string; slug: string };
    role: string;
    isPlatformAdmin: boolean;
    memberships: { tenant: { slug: string }; role: string }[];
  };
}
/** What {@link ACCOUNTS} answers. */
export interface AccountsView {
  accounts: { totalCount: number; edges: { node: { id: string; name: string } }[] };
}

export const LOGIN = `mutation Login($email: String!, $password: String!, $tenantSlug: String) {
  login(email: $email, password: $password, tenantSlug: $tenantSlug) {
    accessToken refreshToken expiresAt role
    user { id email displayName }
    tenant { id slug name status }
  }
}`;
export const TOKEN_PAIR = 'accessToken refreshToken role tenant { id slug }';
export const REFRESH = `mutation($refreshToken: String!) { refresh(refreshToken: $refreshToken) { ${TOKEN_PAIR} } }`;
export const SWITCH_TENANT = `mutation($tenantSlug: String!) { switchTenant(tenantSlug: $tenantSlug) { ${TOKEN_PAIR} } }`;
export const ME = '{ me { user { id email } tenant { id slug } role isPlatformAdmin memberships { tenant { slug } role } } }';
export const ACCOUNTS = '{ accounts(first: 100) { totalCount edges { node { id name } } } }';
export const CREATE_ACCOUNT = 'mutation($name: String!) { createAccount(input: { name: $name }) { id name } }';
export const UPDATE_ACCOUNT_CITY = 'mutation($id: ID!) { updateAccount(id: $id, input: { city: "Lyon" }) { id } }';
export const DELETE_ACCOUNT_BY_ID = 'mutation($id: ID!) { deleteAccount(id: $id) { id } }';

/** A stack trace, or a path that tells where the server's code lives. */
const STACK_TRACE = /stacktrace|\bat (?:async )?[\w$.<>]+ \(|node_modules|file:\/\//i;

/** A name no other test run has used, e.g. `Globex private 3fa9c21e`. */
export const uniqueName = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

/** The data of a result that must have succeeded. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  expect(result.errors).toEqual([]);
  if (!result.data) {
    throw new Error('the response carried no data');
  }
  return result.data;
}


/**
 * Requests against the fleet `getFleet` returns (called on each request, so it may be read
 * before `beforeAll` has started the fleet).
 */
export function authRequests(getFleet: () => TestFleet) {
  /**
   * POSTs like the SPA does and reads the raw body, so every response is checked for what must
   * never be in it: a stack trace, or a secret the request carried (bearer token, refresh token,
   * password).
   */
  async function send<T = Record<string, unknown>>(query: string, options: RequestOptions = {}): Promise<RawGraphQLResult<T>> {
    const result = await postGraphQL<T>(getFleet().app.url, query, options);
    const { raw } = result;
    const secrets = [options.token, options.variables?.['refreshToken'], options.variables?.['password']];
    for (const secret of secrets) {
      if (typeof secret === 'string' && secret.length > 0) {
        expect(raw).not.toContain(secret);
      }
    }
    expect(raw).not.toMatch(STACK_TRACE);
    return result;
  }

  /** Runs a request and checks that no tenant database client was looked up or built meanwhile. */
  async function buildingNoClient<T>(request: () => Promise<GraphQLResult<T>>): Promise<GraphQLResult<T>> {
    const { pool } = getFleet().app;
    const before = pool.stats();
    const result = await request();
    const after = pool.stats();
    expect({ builds: after.builds, misses: after.misses }).toEqual({ builds: before.builds, misses: before.misses });
    return result;
  }

  /** Runs a request that must be refused before any tenant database client is looked up or built. */
  async function refusedWithoutClient<T>(request: () => Promise<GraphQLResult<T>>): Promise<GraphQLResult<T>> {
    const result = await buildingNoClient(request);
    expect(result.errors.length).toBeGreaterThan(0);
    return result;
  }

  /** Runs a control-plane-only request: it must succeed without building any tenant client. */
  async function withoutTenantClient<T>(request: () => Promise<GraphQLResult<T>>): Promise<T> {
    return dataOf(await buildingNoClient(request));
  }

  function tryLogin(email: string, tenantSlug?: string | null, password = TEST_PASSWORD) {
    return send<{ login: AuthPayloadView }>(LOGIN, { variables: { email, password, tenantSlug } });
  }

  async function login(email: string, tenantSlug?: string): Promise<AuthPayloadView> {
    const result = await tryLogin(email, tenantSlug);
    expect(result.errors).toEqual([]);
    if (!result.data) {
      throw new Error(`login of ${email} returned no data`);
    }
    return result.data.login;
  }

  async function createAccount(token: string, name: string): Promise<string> {
    const result = await send<{ createAccount: { id: string; name: string } }>(CREATE_ACCOUNT, { token, variables: { name } });
    expect(result.errors).toEqual([]);
    expect(result.data?.createAccount.name).toBe(name);
    return result.data?.createAccount.id ?? '';
  }

  async function accountNames(token: string): Promise<string[]> {
    return dataOf(await send<AccountsView>(ACCOUNTS, { token })).accounts.edges.map((edge) => edge.node.name);
  }

  return { send, refusedWithoutClient, withoutTenantClient, tryLogin, login, createAccount, accountNames };
}
