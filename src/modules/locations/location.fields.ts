import { type Location } from '../../generated/tenant/client.js';

/** The description of each location field, declared once for the Location type and its inputs. */
export const LOCATION_FIELDS = {
  name: 'Name of the venue.',
  addressLine1: 'Street and number.',
  addressLine2: 'Second address line (building, floor).',
  city: 'City.',
  region: 'State, county or region.',
  postalCode: 'Postal code.',
  country: 'ISO 3166-1 alpha-2 country code.',
  capacity: 'How many guests the venue holds.',
  timezone: 'IANA time zone of the venue, e.g. "Europe/Berlin".',
} as const satisfies Partial<Record<keyof Location, string>>;
