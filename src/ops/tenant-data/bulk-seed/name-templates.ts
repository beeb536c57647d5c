import { type StepScope } from './step-scope.js';
import { weighted } from './sql-random.js';

/** SQL for the values of a flavour's name template's `{placeholders}`. */
export interface TemplateValues {
  account: string;
  city: string;
  season: string;
  /** The year, e.g. of the event's day, so a past event is not named after next year. */
  year: string;
}

/** A flavour template such as `{account} sales kick-off {year}` filled in SQL, as the demo seed fills it in code. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return `replace(replace(replace(replace(${template}, '{account}', ${values.account}), '{city}', ${values.city}), '{season}', ${values.season}), '{year}', ${values.year}::text)`;
}

/**
 * The kind of sale (1-based, into the vocabulary's kind lists) of deal `o`, chosen by the kinds'
 * weights. Keyed by the deal's index so the deal's event, recomputing it, is of the same kind.
 */
export function saleKind(scope: StepScope, o: string): string {
  const weights = scope.run.vocabulary.kinds.weights;
  return weighted(scope.r('sale.kind', o), weights.map((weight, n) => [String(n + 1), weight] as const));
}

/** A deal's or event's name template of kind `kind` for the draw `r`. */
export function templateOfKind(scope: StepScope, of: 'deals' | 'events', kind: string, r: string): string {
  const kinds = scope.run.vocabulary.kinds;
  const [offsets, counts] = of === 'deals' ? [kinds.dealOffsets, kinds.dealCounts] : [kinds.eventOffsets, kinds.eventCounts];
  return `(${scope.text(kinds[of])})[(${scope.ints(offsets)})[${kind}] + 1 + floor(${r} * (${scope.ints(counts)})[${kind}])::int]`;
}
