import { BENCH_BODIES, checkResponse, type ExpectedTenant, type QueryShape } from './bench-query.js';

/** One checked bench request as one tenant (the accounts page unless `shape` says otherwise); returns the latency in ms or throws what was wrong. */
export async function sendBenchRequest(url: string, tenant: ExpectedTenant & { token: string }, shape: QueryShape = 'accounts'): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.token}` },
    body: BENCH_BODIES[shape],
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  const problem = checkResponse(shape, response.status, body, tenant);
  if (problem) {
    throw new Error(`tenant ${tenant.marker.trim()}: ${problem}`);
  }
  return elapsed;
}

/** Sends one request per tenant, one after another, so every tenant is active before measuring. */
export async function primeTenants(url: string, tenants: readonly (ExpectedTenant & { token: string })[], shape: QueryShape = 'accounts'): Promise<void> {
  for (const tenant of tenants) {
    await sendBenchRequest(url, tenant, shape);
  }
}
