import { Rng } from '../../src/devdb/demo-seed/random.js';

/** Traffic shapes across tenants: every tenant alike, or Zipf-skewed (a few hot, a long tail). */
export type Distribution = 'even' | 'zipf';

/** The Zipf exponent used for skewed traffic (s = 1: the k-th tenant gets 1/k of the first's share). */
export const ZIPF_EXPONENT = 1;

/** Returns a function that picks the next tenant index in `[0, count)`. */
export function tenantPicker(count: number, distribution: Distribution, seed: number): () => number {
  const random = new Rng(seed);
  if (distribution === 'even') {
    let next = 0;
    return () => {
      const index = next;
      next = (next + 1) % count;
      return index;
    };
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= count; rank += 1) {
    total += 1 / rank ** ZIPF_EXPONENT;
    cumulative.push(total);
  }
  return () => {
    const target = random.float() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? total) < target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  };
}
