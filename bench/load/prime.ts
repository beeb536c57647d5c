import { BENCH_REQUEST_BODY, checkAccountsResponse, type ExpectedTenant } from './bench-query.js';

/** One checked bench request as one tenant; returns the latency in ms or throws what was wrong. */
export async function sendBenchRequest(url: string, tenant: ExpectedTenant & { token: string }): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.token}` },
    body: BENCH_REQUEST_BODY,
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  const problem = checkAccountsResponse(response.status, body, tenant);
  if (problem) {
    throw new Error(`tenant ${tenant.marker.trim()}: ${problem}`);
  }
  return elapsed;
}

/** Sends one request per tenant, one after another, so every tenant is active before measuring. */
export async function primeTenants(url: string, tenants: readonly (ExpectedTenant & { token: string })[]): Promise<void> {
  for (const tenant of tenants) {
    await sendBenchRequest(url, tenant);
  }
}
