import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet({ limits: { perUserPerWindow: 3, requestWindowSeconds: 60 } });
});
afterAll(async () => {
  await fleet?.close();
});

interface Scrape {
  families: Map<string, ParsedFamily>;
  text: string;
}

/** /metrics parsed by a Prometheus text-format parser (it throws on malformed output). */
async function scrape(): Promise<Scrape> {
  const response = await fetch(`${fleet.app.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { families: new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family])), text };
}

/**
 * A counter's or gauge's value, or a histogram's observation count. The parser drops the labels of
 * histogram series, so those are read from their `_count` line, which it has checked already.
 */
function value({ families, text }: Scrape, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  if (family?.type === 'HISTOGRAM') {
    const wanted = Object.entries(labels).map(([key, label]) => `${key}="${label}"`);
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}_count`) && wanted.every((pair) => candidate.includes(pair)));
    return Number(line?.split(' ').at(-1) ?? 0);
  }
  if (!family) {
    throw new Error(`no metric ${name}`);
  }
  const sample = family.metrics.find((candidate) => Object.entries(labels).every(([key, wanted]) => candidate.labels?.[key] === wanted));
  return Number(sample?.value ?? sample?.count ?? 0);
}

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
  expect(value(after, 'tenantgate_tenant_connection_budget')).toBe(fleet.config.tenancy.connectionBudget);
  expect(value(after, 'tenantgate_tenant_connections_open')).toBeGreaterThanOrEqual(1);
  expect(value(after, 'tenantgate_datasource_pool_connections', { datasource: fleet.tenants.acme.datasourceId, state: 'total' })).toBeGreaterThanOrEqual(1);
  expect(value(after, 'tenantgate_audit_write_failures_total')).toBe(0);
  expect(after.families.get('tenantgate_process_resident_memory_bytes')?.type).toBe('GAUGE');
});

test('client-chosen operation names cannot grow the label set without bound', async () => {
  await Promise.all(Array.from({ length: 230 }, (_, i) => fleet.gql(`query Probe${i} { __typename }`)));
  const { text } = await scrape();
  const names = new Set([...text.matchAll(/^tenantgate_graphql_operation_duration_seconds_count\{[^}]*operation="([^"]*)"/gm)].map((match) => match[1]));
  expect(names.size).toBeLessThanOrEqual(201);
  expect(names.has('other')).toBe(true);
});
