import pg from 'pg';
import { adminQuery } from '../support/databases.js';
import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { histogramLabelValues, metricValue, scrape, type Scrape } from '../support/prometheus.js';
import { startTestFleet, type TenantSlug, type TestFleet } from '../support/test-fleet.js';

// A tenant database that refuses connections, or whose statements hang, must cost its own tenant a
// fast TENANT_UNAVAILABLE and nothing else: other tenants are served as usual (and not queued
// behind it), its breaker opens, refuses without touching the database, and closes by itself
// through a trial request once the database is back. This file breaks databases on purpose, so it
// has a fleet of its own.

const STATEMENT_TIMEOUT_MS = 2_500;
const HALF_OPEN_MS = 4_000;
const FAILURES = 2;
const ACCOUNTS = '{ accounts { totalCount } }';

let fleet: TestFleet;
const tokens = {} as Record<TenantSlug, string>;

beforeAll(async () => {
  fleet = await startTestFleet({
    tenancy: { connectTimeoutMs: 2_000, statementTimeoutMs: STATEMENT_TIMEOUT_MS, breakerFailures: FAILURES, breakerHalfOpenMs: HALF_OPEN_MS },
    metrics: { topTenants: 1 },
  });
  for (const slug of ['acme', 'globex'] as const) {
    tokens[slug] = (await fleet.login(`owner@${slug}.test`, slug)).accessToken;
    expect(codesOf(await accounts(slug))).toEqual([]);
  }
});
afterAll(async () => {
  await adminQuery(`ALTER DATABASE "${fleet.databases.acme.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
  await fleet?.close();
});

const accounts = (slug: TenantSlug): Promise<GraphQLResult> => fleet.gql(ACCOUNTS, { token: tokens[slug] });
const acmeBreaker = () => fleet.app.breakers.state(fleet.tenants.acme.datasourceId);
const metrics = (): Promise<Scrape> => scrape(fleet.app.url);

/** Sends acme requests one after another until its breaker opens; every one must fail as TENANT_UNAVAILABLE. */
async function failUntilOpen(): Promise<number> {
  let sent = 0;
  while (acmeBreaker() !== 'open') {
    expect(sent).toBeLessThan(FAILURES * 4);
    const result = await accounts('acme');
    expect(codesOf(result)).toEqual(['TENANT_UNAVAILABLE']);
    sent += 1;
  }
  return sent;
}

/** Retries acme until it is served again (its breaker lets a trial through after HALF_OPEN_MS). */
async function waitUntilServed(): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    expect(attempt).toBeLessThan(100);
    const result = await accounts('acme');
    if (codesOf(result).length === 0) {
      return;
    }
    expect(codesOf(result)).toEqual(['TENANT_UNAVAILABLE']);
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS / 5));
  }
}

test('a database that refuses connections fails fast, the others are served, and its breaker closes once it is back', async () => {
  const before = await metrics();
  const acme = fleet.databases.acme.name;
  await adminQuery(`ALTER DATABASE "${acme}" ALLOW_CONNECTIONS false`);
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${acme}' AND pid <> pg_backend_pid()`);

  expect(await failUntilOpen()).toBeGreaterThanOrEqual(1);
  const rejectedBefore = fleet.app.breakers.stats().rejected;
  const burst = await Promise.all([...Array.from({ length: 5 }, () => accounts('acme')), ...Array.from({ length: 10 }, () => accounts('globex'))]);
  expect(burst.slice(0, 5).map(codesOf)).toEqual(Array.from({ length: 5 }, () => ['TENANT_UNAVAILABLE']));
  expect(burst.slice(5).map(codesOf)).toEqual(Array.from({ length: 10 }, () => []));
  // Refused by the open breaker: no connection was attempted for them.
  expect(fleet.app.breakers.stats().rejected - rejectedBefore).toBeGreaterThanOrEqual(5);
  expect(fleet.app.breakers.state(fleet.tenants.globex.datasourceId)).toBe('closed');

  const open = await metrics();
  expect(metricValue(open, 'tenantgate_datasource_breakers_not_closed')).toBe(1);
  expect(metricValue(open, 'tenantgate_datasource_breaker_open', { datasource: fleet.tenants.acme.datasourceId, state: 'open' })).toBe(1);
  expect(open.families.get('tenantgate_datasource_breaker_open')?.metrics).toHaveLength(1);
  expect(metricValue(open, 'tenantgate_datasource_breaker_transitions_total', { state: 'open' }) - metricValue(before, 'tenantgate_datasource_breaker_transitions_total', { state: 'open' })).toBe(1);
  expect(metricValue(open, 'tenantgate_datasource_breaker_rejections_total')).toBeGreaterThanOrEqual(5);

  await adminQuery(`ALTER DATABASE "${acme}" ALLOW_CONNECTIONS true`);
  await waitUntilServed();
  expect(acmeBreaker()).toBe('closed');
  const closed = await metrics();
  expect(metricValue(closed, 'tenantgate_datasource_breakers_not_closed')).toBe(0);
  expect(closed.families.get('tenantgate_datasource_breaker_open')?.metrics ?? []).toHaveLength(0);
  expect(metricValue(closed, 'tenantgate_datasource_breaker_transitions_total', { state: 'closed' }) - metricValue(before, 'tenantgate_datasource_breaker_transitions_total', { state: 'closed' })).toBe(1);
  expect(metricValue(closed, 'tenantgate_datasource_breaker_transitions_total', { state: 'half-open' })).toBeGreaterThanOrEqual(1);
});

test('a hanging statement ends at the statement timeout with TENANT_UNAVAILABLE while other tenants are not queued behind it', async () => {
  const locker = new pg.Client({ connectionString: fleet.tenants.acme.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');

    const finished: string[] = [];
    const hanging = accounts('acme').then((result) => {
      finished.push('acme');
      return result;
    });
    const others = await Promise.all(
      Array.from({ length: 5 }, () =>
        accounts('globex').then((result) => {
          finished.push('globex');
          return result;
        }),
      ),
    );
    expect(others.map(codesOf)).toEqual(Array.from({ length: 5 }, () => []));
    const hung = await hanging;
    expect(codesOf(hung)).toEqual(['TENANT_UNAVAILABLE']);
    expect(hung.errors[0]?.message).not.toContain('statement timeout');
    // Every other tenant's request was answered while acme's statement was still waiting for its lock.
    expect(finished).toEqual(['globex', 'globex', 'globex', 'globex', 'globex', 'acme']);

    await failUntilOpen();
    const rejectedBefore = fleet.app.breakers.stats().rejected;
    const refused = await accounts('acme');
    expect(fleet.app.breakers.stats().rejected).toBeGreaterThan(rejectedBefore);
    expect(codesOf(refused)).toEqual(['TENANT_UNAVAILABLE']);
    expect(refused.errors[0]?.message).toMatch(/refused for a few seconds/);
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }
  await waitUntilServed();
  expect(acmeBreaker()).toBe('closed');
});

test('request latency is labelled for the busiest tenants only, the rest as other', async () => {
  await accounts('globex');
  await accounts('acme');
  const tenants = histogramLabelValues(await metrics(), 'tenantgate_tenant_request_duration_seconds', 'tenant');
  expect(tenants.has('other')).toBe(true);
  expect(tenants.size).toBe(2);
});
