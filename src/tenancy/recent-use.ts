/**
 * How much a datasource was used lately: a count of uses that halves every `halfLifeMs`, kept as
 * a key that orders datasources the same way at any moment (a decayed count is `2^(key - now/halfLife)`,
 * and `now` is common to all), so ranking them needs no clock and no update while they sit idle.
 * With Zipf-like traffic, keeping the connections of the most used datasources rather than the
 * most recently used ones reopens fewer connections: with 200 datasources under a budget of 60,
 * 21 % of requests find no connection instead of 29 % (`test/tenancy/reclaim-policy.test.ts`).
 */
export class RecentUse {
  private key = Number.NEGATIVE_INFINITY;

  /** `halfLifeMs`: how fast old uses stop counting; the budget's default is 10 s. */
  constructor(private readonly halfLifeMs: number) {}

  /** Counts one use at `now` (ms). */
  record(now: number): void {
    const at = now / this.halfLifeMs;
    this.key = at + Math.log2(2 ** (this.key - at) + 1);
  }

  /** Lower ranks were used less lately; a datasource never used ranks lowest. */
  rank(): number {
    return this.key;
  }
}
