import { RecentUse } from '../../src/tenancy/recent-use.js';

const HALF_LIFE = 10_000;

function usedAt(...times: number[]): RecentUse {
  const use = new RecentUse(HALF_LIFE);
  times.forEach((time) => use.record(time));
  return use;
}

test.each([
  { case: 'never used ranks below used once', lower: usedAt(), higher: usedAt(0) },
  { case: 'with one use each, the older use ranks lower (least recently used)', lower: usedAt(1_000), higher: usedAt(2_000) },
  { case: 'ten uses a few seconds ago rank above one use just now', lower: usedAt(20_000), higher: usedAt(...Array.from({ length: 10 }, (_, i) => 15_000 + i)) },
  { case: 'ten uses a minute ago have faded below one use just now', lower: usedAt(...Array.from({ length: 10 }, (_, i) => i)), higher: usedAt(60_000) },
])('$case', ({ lower, higher }) => {
  expect(lower.rank()).toBeLessThan(higher.rank());
});

test('the rank is the count halved every half-life, in log2, as of time zero', () => {
  const use = usedAt(0, 0, 0, 0);
  expect(use.rank()).toBeCloseTo(2);
  use.record(HALF_LIFE);
  // Four uses a half-life ago count as two, plus one now: three, as of one half-life.
  expect(use.rank()).toBeCloseTo(1 + Math.log2(3));
});
