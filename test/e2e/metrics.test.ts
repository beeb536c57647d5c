import { histogramLabelValues, metricValue as value, scrape as scrapeMetrics } from '../support/prometheus.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet({ limits: { perUserPerWindow: 3, requestWindowSeconds: 60 } });
});
afterAll(async () => {
  await fleet?.close();
});

const scrape = () => scrapeMetrics(fleet.app.url);

test('counters move as requests open, reuse and are refused at tenant datasources, and every series parses', async () => {
  const before = await scrape();
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const accounts = 'query Accounts { accounts { totalCount } }';
  expect((await fleet.gql(accounts, { token: accessToken })).errors).toEqual([]);
  expect((await fleet.gql(accounts, { token: accessToken })).errors).toEqual([]);
  expect((await fleet.gql(accounts, { token: accessToken })).errors).toEqual([]);
  const refused = await fleet.gql(accounts, { token: accessToken });
  expect(refused.errors[0]?.extensions?.code).toBe('RATE_LIMITED');
  const after = await scrape();

  const delta = (name: string, labels?: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
  expect(delta('tenantgate_datasource_builds_total')).toBe(1);
  expect(delta('tenantgate_datasource_cache_misses_total')).toBe(1);
  expect(delta('tenantgate_datasource_cache_hits_total')).toBe(2);
  expect(delta('tenantgate_datasource_build_seconds')).toBe(1);
  expect(delta('tenantgate_datasource_decrypt_seconds')).toBe(1);
  expect(delta('tenantgate_graphql_operation_duration_seconds', { operation: 'Accounts', outcome: 'ok' })).toBe(3);
  expect(delta('tenantgate_rate_limited_total', { limit: 'requests-user' })).toBe(1);
  expect(delta('tenantgate_tenant_request_duration_seconds', { tenant: fleet.tenants.acme.id })).toBe(3);
  expect(value(after, 'tenantgate_datasource_breakers_not_closed')).toBe(0);
  expect(value(after, 'tenantgate_tenant_connection_budget')).toBe(fleet.config.tenancy.connectionBudget);
  expect(value(after, 'tenantgate_tenant_connections_open')).toBeGreaterThanOrEqual(1);
  expect(value(after, 'tenantgate_datasource_pool_connections', { datasource: fleet.tenants.acme.datasourceId, state: 'total' })).toBeGreaterThanOrEqual(1);
  expect(value(after, 'tenantgate_audit_write_failures_total')).toBe(0);
  expect(value(after, 'tenantgate_change_listener_up')).toBe(1);
  expect(value(after, 'tenantgate_change_listener_subscriptions_total')).toBe(1);
  expect(after.families.get('tenantgate_process_resident_memory_bytes')?.type).toBe('GAUGE');
});

test('client-chosen operation names cannot grow the label set without bound', async () => {
  await Promise.all(Array.from({ length: 230 }, (_, i) => fleet.gql(`query Probe${i} { __typename }`)));
  const names = histogramLabelValues(await scrape(), 'tenantgate_graphql_operation_duration_seconds', 'operation');
  expect(names.size).toBeLessThanOrEqual(201);
  expect(names.has('other')).toBe(true);
});
