import { flavourFor, type Flavour } from './flavours/index.js';
import { IdFactory } from './ids.js';
import { hashString, Rng } from './random.js';
import { SEASONS } from './vocabulary.js';

/** The tenant being seeded. */
export interface DemoTenant {
  id: string;
  slug: string;
  name: string;
}

/** Everything the row builders share: who, which flavour, the random stream and the clock. */
export interface SeedContext {
  tenantId: string;
  flavour: Flavour;
  rng: Rng;
  ids: IdFactory;
  /** The "now" of the demo data; see DEFAULT_DEMO_ANCHOR. */
  anchor: Date;
  /** A control-plane user id to own or author a row, or null when no people were given. */
  person(): string | null;
  /**
   * Fills `{account}`, `{city}`, `{season}` and `{year}` in a template; `{year}` is the year of
   * `date` (default: the anchor's), so a past event is not named after next year.
   */
  fill(template: string, values: { account?: string | undefined; city?: string; date?: Date }): string;
}

/**
 * Builds the context for one tenant. The PRNG is seeded from the slug so each demo tenant gets its
 * own data and a rerun reproduces it; ids are derived from the tenant id so tenants never collide.
 */
export function createSeedContext(tenant: DemoTenant, people: readonly string[], anchor: Date): SeedContext {
  const rng = new Rng(hashString(`tenantgate-demo:${tenant.slug}`));
  // People are drawn from their own stream so that passing other user ids (a fresh control plane)
  // changes who owns what, but not the names, amounts and dates of the data itself.
  const peopleRng = new Rng(hashString(`tenantgate-demo-people:${tenant.slug}`));
  const flavour = flavourFor(tenant.slug);
  return {
    tenantId: tenant.id,
    flavour,
    rng,
    ids: new IdFactory(tenant.id),
    anchor,
    person: () => (people.length === 0 ? null : peopleRng.pick(people)),
    fill: (template, values) =>
      template
        .replaceAll('{account}', values.account ?? tenant.name)
        .replaceAll('{city}', values.city ?? rng.pick(flavour.cities).city)
        .replaceAll('{season}', rng.pick(SEASONS))
        .replaceAll('{year}', String((values.date ?? anchor).getUTCFullYear())),
  };
}
