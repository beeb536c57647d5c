/** The one GraphQL operation every warm phase sends: a page of accounts with its total. */
export const BENCH_QUERY =
  'query BenchAccounts { accounts(first: 10) { totalCount edges { cursor node { id name industry } } pageInfo { hasNextPage endCursor } } }';

export const BENCH_REQUEST_BODY = JSON.stringify({ query: BENCH_QUERY, operationName: 'BenchAccounts' });

/** What a tenant's answer must look like. */
export interface ExpectedTenant {
  marker: string;
  accounts: number;
}

interface AccountsAnswer {
  data?: { accounts?: { totalCount?: number; edges?: { node?: { name?: string } }[] } };
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * Checks one response to {@link BENCH_QUERY}: no GraphQL error, the tenant's own total, a full first
 * page, and every account name carrying the tenant's marker (a response routed to another tenant's
 * database fails here). Returns what is wrong, or null.
 */
export function checkAccountsResponse(status: number, body: string, expected: ExpectedTenant): string | null {
  let answer: AccountsAnswer;
  try {
    answer = JSON.parse(body) as AccountsAnswer;
  } catch {
    return `HTTP ${status}: body is not JSON`;
  }
  if (answer.errors?.length) {
    const first = answer.errors[0];
    return `HTTP ${status}: ${first?.extensions?.code ?? 'ERROR'} ${first?.message ?? ''}`.trim();
  }
  if (status !== 200) {
    return `HTTP ${status}`;
  }
  const accounts = answer.data?.accounts;
  if (accounts?.totalCount !== expected.accounts) {
    return `totalCount ${accounts?.totalCount} where the tenant has ${expected.accounts}`;
  }
  const edges = accounts.edges ?? [];
  if (edges.length !== Math.min(10, expected.accounts)) {
    return `${edges.length} edges on the first page`;
  }
  const foreign = edges.find((edge) => !edge.node?.name?.startsWith(expected.marker));
  return foreign ? `account "${foreign.node?.name}" does not belong to tenant ${expected.marker.trim()}` : null;
}
