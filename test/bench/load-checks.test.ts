import { checkAccountsResponse, checkEventsResponse } from '../../bench/load/bench-query.js';
import { tenantPicker } from '../../bench/load/tenant-picker.js';
import { summarize } from '../../bench/support/percentiles.js';

const tenant = { marker: 'T0007 ', accounts: 47, events: 52, ownerName: 'Bench' };

function answer(total: number, names: string[]) {
  return JSON.stringify({ data: { accounts: { totalCount: total, edges: names.map((name) => ({ node: { name } })) } } });
}

const ownPage = Array.from({ length: 10 }, (_, i) => `T0007 Account ${String(i + 1).padStart(3, '0')}`);

describe('the benchmark response check', () => {
  test("accepts the tenant's own first page", () => {
    expect(checkAccountsResponse(200, answer(47, ownPage), tenant)).toBeNull();
  });

  test("refuses another tenant's rows, a wrong total, a short page, errors, bad JSON and HTTP failures", () => {
    expect(checkAccountsResponse(200, answer(47, [...ownPage.slice(1), 'T0008 Account 001']), tenant)).toMatch(/does not belong/);
    expect(checkAccountsResponse(200, answer(94, ownPage), tenant)).toMatch(/totalCount 94/);
    expect(checkAccountsResponse(200, answer(47, ownPage.slice(0, 9)), tenant)).toMatch(/9 edges/);
    const failed = JSON.stringify({ errors: [{ message: 'down', extensions: { code: 'TENANT_UNAVAILABLE' } }], data: null });
    expect(checkAccountsResponse(200, failed, tenant)).toMatch(/TENANT_UNAVAILABLE/);
    expect(checkAccountsResponse(502, 'Bad Gateway', tenant)).toMatch(/not JSON/);
    expect(checkAccountsResponse(500, answer(47, ownPage), tenant)).toBe('HTTP 500');
  });
});

interface EventNode {
  name: string;
  dates: { edges: { node: { label: string } }[] };
  location: { name: string } | null;
  account: { name: string } | null;
  owner: { displayName: string } | null;
}

function ownEvent(i: number, marker = 'T0007 '): EventNode {
  return {
    name: `${marker}Event ${String(i).padStart(3, '0')}`,
    dates: { edges: [{ node: { label: `${marker}day 1` } }, { node: { label: `${marker}day 2` } }] },
    location: { name: `${marker}Venue ${1 + (i % 5)}` },
    account: { name: `${marker}Account ${String(1 + (i % 47)).padStart(3, '0')}` },
    owner: { displayName: 'Bench' },
  };
}

function eventsAnswer(total: number, nodes: EventNode[]) {
  return JSON.stringify({ data: { events: { totalCount: total, edges: nodes.map((node) => ({ node })) } } });
}

const ownEvents = Array.from({ length: 50 }, (_, i) => ownEvent(i + 1));
const replaced = (index: number, change: Partial<EventNode>) => ownEvents.map((node, i) => (i === index ? { ...node, ...change } : node));

describe('the benchmark response check, events page', () => {
  test("accepts the tenant's own 50 events with their dates, location, account and owner", () => {
    expect(checkEventsResponse(200, eventsAnswer(52, ownEvents), tenant)).toBeNull();
  });

  test('refuses an event, a date, a location or an account of another tenant, a missing relation, a wrong total or a short page', () => {
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { name: 'T0008 Event 004' })), tenant)).toMatch(/does not belong to tenant T0007/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { dates: { edges: [{ node: { label: 'T0007 day 1' } }, { node: { label: 'T0008 day 2' } }] } })), tenant)).toMatch(/dates/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { dates: { edges: [{ node: { label: 'T0007 day 1' } }] } })), tenant)).toMatch(/dates/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { location: { name: 'T0008 Venue 1' } })), tenant)).toMatch(/location/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { location: null })), tenant)).toMatch(/location/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { account: { name: 'T0008 Account 001' } })), tenant)).toMatch(/account/);
    expect(checkEventsResponse(200, eventsAnswer(52, replaced(3, { owner: null })), tenant)).toMatch(/owner/);
    expect(checkEventsResponse(200, eventsAnswer(104, ownEvents), tenant)).toMatch(/totalCount 104/);
    expect(checkEventsResponse(200, eventsAnswer(52, ownEvents.slice(0, 49)), tenant)).toMatch(/49 events/);
    const failed = JSON.stringify({ errors: [{ message: 'too costly', extensions: { code: 'BAD_USER_INPUT' } }], data: null });
    expect(checkEventsResponse(200, failed, tenant)).toMatch(/BAD_USER_INPUT/);
  });
});

describe('the benchmark traffic shapes', () => {
  test('even traffic visits every tenant in turn', () => {
    const pick = tenantPicker(3, 'even', 1);
    expect(Array.from({ length: 6 }, pick)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test('Zipf traffic (s = 1) gives the k-th tenant about 1/k of the first one, the same for the same seed', () => {
    const draws = 200_000;
    const counts = new Array<number>(50).fill(0);
    const pick = tenantPicker(50, 'zipf', 42);
    for (let i = 0; i < draws; i += 1) {
      const index = pick();
      counts[index] = (counts[index] ?? 0) + 1;
    }
    const first = counts[0] ?? 0;
    expect((counts[1] ?? 0) / first).toBeCloseTo(1 / 2, 1);
    expect((counts[9] ?? 0) / first).toBeCloseTo(1 / 10, 1);
    expect(counts.every((count) => count > 0)).toBe(true);
    const again = tenantPicker(50, 'zipf', 42);
    const replay = tenantPicker(50, 'zipf', 42);
    expect(Array.from({ length: 20 }, again)).toEqual(Array.from({ length: 20 }, replay));
  });
});

test('latency summaries use nearest-rank percentiles', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(summarize(values)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
  expect(summarize([])).toEqual({ count: 0, p50: 0, p90: 0, p99: 0, max: 0 });
});
