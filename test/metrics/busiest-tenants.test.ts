import { BusiestTenants, OTHER_TENANTS } from '../../src/metrics/busiest-tenants.js';

test('labels the busiest tenants of the last window, first come while labels are free, and drops the rest', () => {
  let now = 0;
  const dropped: string[] = [];
  const busiest = new BusiestTenants({ limit: 2, windowMs: 1_000, onDropped: (tenant) => dropped.push(tenant), now: () => now });
  expect(['a', 'b', 'c', 'c', 'c'].map((tenant) => busiest.label(tenant))).toEqual(['a', 'b', OTHER_TENANTS, OTHER_TENANTS, OTHER_TENANTS]);
  busiest.label('b');

  now = 1_000;
  // c (3 requests) and b (2) were the busiest: a loses its label and its series.
  expect(busiest.label('a')).toBe(OTHER_TENANTS);
  expect(dropped).toEqual(['a']);
  expect(busiest.label('c')).toBe('c');
  expect(busiest.label('c')).toBe('c');

  now = 2_000;
  // This window had c (2) and a (1): b, quiet, loses its label to a.
  expect(busiest.label('a')).toBe('a');
  expect(busiest.label('d')).toBe(OTHER_TENANTS);
  expect(dropped).toEqual(['a', 'b']);

  now = 3_000;
  // d was counted while it was "other", and earned a label with a.
  expect(busiest.label('d')).toBe('d');
  expect(busiest.label('e')).toBe(OTHER_TENANTS);
});

test('a limit of 0 labels every tenant as other', () => {
  const busiest = new BusiestTenants({ limit: 0, windowMs: 1_000, onDropped: () => undefined });
  expect(busiest.label('a')).toBe(OTHER_TENANTS);
});
