import { acmeFlavour } from './acme.js';
import { genericFlavour } from './generic.js';
import { globexFlavour } from './globex.js';
import { initechFlavour } from './initech.js';
import { type EventKind, type Flavour } from './types.js';
import { umbrellaFlavour } from './umbrella.js';

export { type City, type EventKind, type Flavour } from './types.js';

// A Map rather than an object literal so a slug such as "constructor" cannot hit a prototype key.
const bySlug: ReadonlyMap<string, Flavour> = new Map([
  ['acme', acmeFlavour],
  ['globex', globexFlavour],
  ['initech', initechFlavour],
  ['umbrella', umbrellaFlavour],
]);

/** The flavour for a tenant slug: one of the well-known demo tenants, else the generic one. */
export function flavourFor(slug: string): Flavour {
  return bySlug.get(slug) ?? genericFlavour;
}

/** The kinds of job an account can buy: private clients and businesses buy different things. */
export function kindsFor(flavour: Flavour, isPrivate: boolean): readonly EventKind[] {
  const audience = isPrivate ? 'private' : 'business';
  return flavour.kinds.filter((kind) => kind.audience === undefined || kind.audience === audience);
}
