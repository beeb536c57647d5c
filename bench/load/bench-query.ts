/** The warm query shapes: a page of accounts, and the events screen (50 events with their relations). */
export type QueryShape = 'accounts' | 'events';

/** A page of accounts with its total: the shape every phase sends. */
export const BENCH_QUERY =
  'query BenchAccounts { accounts(first: 10) { totalCount edges { cursor node { id name industry } } pageInfo { hasNextPage endCursor } } }';

/** The events screen: 50 events with their dates, location, account and owner (a control-plane user). */
export const EVENTS_QUERY =
  'query BenchEvents { events(first: 50, orderBy: { field: NAME }) { totalCount edges { node { id name ' +
  'dates { edges { node { label startsAt endsAt } } } location { name city } account { name } owner { displayName } } } pageInfo { hasNextPage endCursor } } }';

export const EVENTS_PAGE_SIZE = 50;

/** The request body of each shape. */
export const BENCH_BODIES: Record<QueryShape, string> = {
  accounts: JSON.stringify({ query: BENCH_QUERY, operationName: 'BenchAccounts' }),
  events: JSON.stringify({ query: EVENTS_QUERY, operationName: 'BenchEvents' }),
};

/** What a tenant's answer must look like. */
export interface ExpectedTenant {
  marker: string;
  accounts: number;
  events: number;
  ownerName: string;
}

interface Answer<T> {
  data?: T;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** The answer's data, or what is wrong with the response (not JSON, a GraphQL error, an HTTP failure). */
function dataOf<T>(status: number, body: string): { data?: T; problem: string | null } {
  let answer: Answer<T>;
  try {
    answer = JSON.parse(body) as Answer<T>;
  } catch {
    return { problem: `HTTP ${status}: body is not JSON` };
  }
  if (answer.errors?.length) {
    const first = answer.errors[0];
    return { problem: `HTTP ${status}: ${first?.extensions?.code ?? 'ERROR'} ${first?.message ?? ''}`.trim() };
  }
  return status === 200 ? { data: answer.data, problem: null } : { problem: `HTTP ${status}` };
}

interface AccountsData {
  accounts?: { totalCount?: number; edges?: { node?: { name?: string } }[] };
}

/**
 * Checks one response to {@link BENCH_QUERY}: no GraphQL error, the tenant's own total, a full first
 * page, and every account name carrying the tenant's marker (a response routed to another tenant's
 * database fails here). Returns what is wrong, or null.
 */
export function checkAccountsResponse(status: number, body: string, expected: ExpectedTenant): string | null {
  const { data, problem } = dataOf<AccountsData>(status, body);
  if (problem) {
    return problem;
  }
  const accounts = data?.accounts;
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

interface EventNode {
  name?: string;
  dates?: { edges?: { node?: { label?: string | null } }[] };
  location?: { name?: string } | null;
  account?: { name?: string } | null;
  owner?: { displayName?: string } | null;
}

interface EventsData {
  events?: { totalCount?: number; edges?: { node?: EventNode }[] };
}

/** What is wrong with one event of the tenant's page: a row of another tenant, or a relation missing. */
function eventProblem(node: EventNode | undefined, expected: ExpectedTenant): string | null {
  const tenant = expected.marker.trim();
  if (!node?.name?.startsWith(expected.marker)) {
    return `event "${node?.name}" does not belong to tenant ${tenant}`;
  }
  const dates = (node.dates?.edges ?? []).map((edge) => edge.node ?? {});
  if (dates.length !== 2 || dates.some((date) => !date.label?.startsWith(expected.marker))) {
    return `event "${node.name}" has dates ${JSON.stringify(dates.map((date) => date.label))}, not its tenant's two`;
  }
  if (!node.location?.name?.startsWith(expected.marker)) {
    return `event "${node.name}" has location "${node.location?.name}", not one of tenant ${tenant}`;
  }
  if (!node.account?.name?.startsWith(expected.marker)) {
    return `event "${node.name}" has account "${node.account?.name}", not one of tenant ${tenant}`;
  }
  return node.owner?.displayName === expected.ownerName ? null : `event "${node.name}" has owner "${node.owner?.displayName}"`;
}

/**
 * Checks one response to {@link EVENTS_QUERY}: no GraphQL error, the tenant's own total, a full page,
 * and every event, date, location and account carrying the tenant's marker, with its owner.
 */
export function checkEventsResponse(status: number, body: string, expected: ExpectedTenant): string | null {
  const { data, problem } = dataOf<EventsData>(status, body);
  if (problem) {
    return problem;
  }
  const events = data?.events;
  if (events?.totalCount !== expected.events) {
    return `totalCount ${events?.totalCount} where the tenant has ${expected.events} events`;
  }
  const edges = events.edges ?? [];
  if (edges.length !== Math.min(EVENTS_PAGE_SIZE, expected.events)) {
    return `${edges.length} events on the first page`;
  }
  for (const edge of edges) {
    const wrong = eventProblem(edge.node, expected);
    if (wrong) {
      return wrong;
    }
  }
  return null;
}

/** Checks a response to the shape's query; returns what is wrong, or null. */
export function checkResponse(shape: QueryShape, status: number, body: string, expected: ExpectedTenant): string | null {
  return shape === 'events' ? checkEventsResponse(status, body, expected) : checkAccountsResponse(status, body, expected);
}
