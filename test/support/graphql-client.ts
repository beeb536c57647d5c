/** A GraphQL response as a SPA sees it, plus the HTTP status. */
export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
}

/** A result with the response body as sent, for checks of what it must never contain. */
export interface RawGraphQLResult<T = Record<string, unknown>> extends GraphQLResult<T> {
  raw: string;
}

/** POSTs one operation to `/graphql` over real HTTP, the way the SPA does. */
export async function postGraphQL<T = Record<string, unknown>>(baseUrl: string, query: string, options: RequestOptions = {}): Promise<RawGraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as { data?: T | null; errors?: GraphQLResult['errors'] };
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [], raw };
}

/** The codes of a result's errors, for compact assertions. */
export const codesOf = (result: GraphQLResult<unknown>) => result.errors.map((error) => error.extensions?.code);
