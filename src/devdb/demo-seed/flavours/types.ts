import { type EventType } from '../../../generated/tenant/client.js';

/** A city venues can be in, with what a `locations` row needs besides the street. */
export interface City {
  city: string;
  region: string | null;
  country: string;
  timezone: string;
  /** Leading characters of postcodes there; the rest is random. */
  postalPrefix: string;
}

/**
 * A kind of job the tenant sells. A deal and the event it leads to share one kind, so a deal named
 * "… — holiday party" produces a party rather than a workshop.
 */
export interface EventKind {
  type: EventType;
  /** Relative frequency among the kinds an account can buy. */
  weight: number;
  /** Only for private clients (a couple, a family) or only for businesses; both when absent. */
  audience?: 'private' | 'business';
  deals: readonly string[];
  events: readonly string[];
  /** Overrides the flavour's `dateLabels` for this kind. */
  dateLabels?: readonly (readonly string[])[];
}

/**
 * What makes one tenant's demo data read like its business. Templates may contain `{account}`,
 * `{city}`, `{season}` and `{year}`.
 */
export interface Flavour {
  key: string;
  /** Currency most accounts deal in. */
  currency: string;
  /** A second currency used by a minority of accounts, so multi-currency views have data. */
  altCurrency: string;
  /** Account names are distinct `first second` pairs; lists differ per flavour so tenants differ. */
  accountFirst: readonly string[];
  accountSecond: readonly string[];
  /** Second words that make an account a private client: no website, revenue or headcount. */
  privateClients: readonly string[];
  /** Top-level domain for contact email addresses and websites. */
  tld: string;
  industries: readonly string[];
  cities: readonly City[];
  venues: readonly string[];
  /** Venue capacity range. */
  capacity: readonly [number, number];
  kinds: readonly EventKind[];
  /** Roles a contact plays at an account; the first is given to each account's primary contact. */
  contactRoles: readonly string[];
  /** Labels of an event's dates, by number of dates (index 0 → one date). */
  dateLabels: readonly (readonly string[])[];
  /** Deal size range in cents. */
  dealCents: readonly [number, number];
  /** Task titles specific to the business, mixed with the shared ones. */
  tasks: readonly string[];
}
