import { hashString } from '../../../devdb/demo-seed/random.js';

// hashint8extended returns a signed 64-bit hash; its low 53 bits, scaled, are a uniform double in [0, 1).
const LOW_53_BITS = '9007199254740991';
const TWO_TO_53 = '9007199254740992';

/**
 * Deterministic pseudo-random draws in SQL. A draw is a hash of a row's index salted per run and
 * per purpose, so it costs no state, is the same wherever it is recomputed (a child row can
 * recompute what its parent drew), and two purposes never correlate.
 */
export class SeedRandom {
  constructor(
    /** Varies the whole data set between runs; the same value reproduces a run's draws. */
    private readonly runSeed: string,
  ) {}

  /** SQL for a uniform double in [0, 1) drawn for `purpose` from the bigint SQL `index`. */
  uniform(purpose: string, index: string): string {
    return `((hashint8extended(${index}, ${hashString(`${this.runSeed}:${purpose}`)}) & ${LOW_53_BITS})::float8 / ${TWO_TO_53})`;
  }
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `array[k]` for a uniform draw `r`: one element of a non-empty SQL array, chosen evenly. */
export function pick(array: string, r: string): string {
  return `(${array})[1 + floor(${r} * cardinality(${array}))::int]`;
}

/** An integer in [lo, hi], both inclusive, from a uniform draw `r`. */
export function between(r: string, lo: number | string, hi: number | string): string {
  return `(${lo} + floor(${r} * ((${hi}) - (${lo}) + 1))::bigint)`;
}

/**
 * One of several SQL values with relative weights, from a uniform draw `r`: a CASE over the
 * cumulative weights, so the choice costs a few comparisons per row.
 */
export function weighted(r: string, choices: readonly (readonly [sql: string, weight: number])[]): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([sql, weight]) => {
    cumulative += weight;
    return `WHEN ${r} < ${cumulative / total} THEN ${sql}`;
  });
  const last = choices[choices.length - 1];
  if (last === undefined) {
    throw new Error('weighted needs at least one choice');
  }
  return arms.length === 0 ? last[0] : `(CASE ${arms.join(' ')} ELSE ${last[0]} END)`;
}

/** {@link weighted} over string constants, cast to an enum type such as `"AccountType"`. */
export function weightedEnum(r: string, type: string, choices: readonly (readonly [string, number])[]): string {
  return `${weighted(r, choices.map(([value, weight]) => [literal(value), weight] as const))}::${type}`;
}

/** `sql` when the draw `r` is below `probability`, NULL otherwise (a nullable column left empty). */
export function sometimes(r: string, probability: number, sql: string): string {
  return `(CASE WHEN ${r} < ${probability} THEN ${sql} END)`;
}
