import { type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { addDays } from './time.js';
import { digits } from './text.js';
import { STREETS } from './vocabulary.js';

/** What events need to know about a venue. */
export interface LocationInfo {
  id: string;
  name: string;
  city: string;
  timezone: string;
  capacity: number;
}

/** 10–15 venues, distinct venue × city pairs from the flavour, with capacities in its range. */
export function buildLocations(ctx: SeedContext): {
  rows: Prisma.LocationCreateManyInput[];
  locations: LocationInfo[];
} {
  const { rng, flavour } = ctx;
  const pairs = rng.shuffle(flavour.venues.flatMap((venue) => flavour.cities.map((city) => ({ venue, city }))));
  const locations: LocationInfo[] = [];
  const rows = pairs.slice(0, rng.int(10, 15)).map(({ venue, city }): Prisma.LocationCreateManyInput => {
    const [min, max] = flavour.capacity;
    const capacity = Math.max(min, Math.round(rng.int(min, max) / 10) * 10);
    const info: LocationInfo = {
      id: ctx.ids.next('locations'), name: `${venue}, ${city.city}`, city: city.city, timezone: city.timezone, capacity,
    };
    locations.push(info);
    const createdAt = addDays(ctx.anchor, -rng.int(200, 900));
    return {
      id: info.id,
      tenantId: ctx.tenantId,
      name: info.name,
      addressLine1: `${rng.int(1, 480)} ${rng.pick(STREETS)}`,
      addressLine2: rng.chance(0.25) ? rng.pick(['Gate B', 'Level 2', 'Rear entrance', 'Suite 200']) : null,
      city: city.city,
      region: city.region,
      postalCode: `${city.postalPrefix}${digits(rng, 2)}`,
      country: city.country,
      capacity,
      timezone: city.timezone,
      createdAt,
      updatedAt: addDays(createdAt, rng.int(0, 100)),
    };
  });
  return { rows, locations };
}
