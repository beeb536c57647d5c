import { flavourFor, kindsFor } from '../../../devdb/demo-seed/flavours/index.js';
import { slugify } from '../../../devdb/demo-seed/text.js';
import {
  COMMUNICATION_BODIES, COMMUNICATION_SUBJECTS, DIAL_CODES, FIRST_NAMES, JOB_TITLES, LAST_NAMES,
  NOTE_BODIES, PERSONAL_MAIL_DOMAINS, SEASONS, STREETS, TASK_TITLES,
} from '../../../devdb/demo-seed/vocabulary.js';

/**
 * Words put in front of some account names. The demo flavours' word pairs name a few hundred
 * accounts; with these (and a city for branches) a hundred thousand accounts rarely share a name.
 */
const ACCOUNT_PREFIXES = ['Global', 'United', 'Pacific', 'Atlantic', 'Metro', 'Prime', 'First', 'Royal', 'Nordic',
  'Urban', 'Summit', 'Coastal', 'Central', 'Western', 'Eastern', 'Grand', 'Blue Sky', 'Old Town', 'Northern', 'Union'];

/** Extra venue names: five thousand locations need more than a flavour's ten. */
const VENUE_QUALIFIERS = ['Main Hall', 'East Wing', 'Annex', 'Rooftop', 'Garden Room', 'Studio', 'Hall B', 'Terrace', 'Loft', 'Suite 3'];

/** A list of SQL text values with the slug of each, for names and the addresses made from them. */
export interface SluggedWords {
  words: readonly string[];
  slugs: readonly string[];
}

/**
 * The flavour's kinds of sale as parallel lists (the n-th weight, type, … are kind n's), with
 * every kind's deal and event name templates in one list each, from its offset on.
 */
export interface SaleKinds {
  weights: readonly number[];
  types: readonly string[];
  deals: readonly string[];
  dealOffsets: readonly number[];
  dealCounts: readonly number[];
  events: readonly string[];
  eventOffsets: readonly number[];
  eventCounts: readonly number[];
}

/**
 * Everything the seed's rows are worded with, as plain arrays bound as SQL parameters: the demo
 * seed's vocabulary and the tenant's flavour (acme, globex, initech, umbrella, or generic), so a
 * bulk-seeded tenant reads like its demo data, only bigger.
 */
export interface SeedVocabulary {
  firstNames: SluggedWords;
  lastNames: SluggedWords;
  accountPrefixes: readonly string[];
  accountFirst: SluggedWords;
  accountSecond: SluggedWords;
  industries: readonly string[];
  jobTitles: readonly string[];
  contactRoles: readonly string[];
  cities: { names: readonly string[]; regions: readonly (string | null)[]; countries: readonly string[]; timezones: readonly string[]; dialCodes: readonly string[]; postalPrefixes: string[] };
  venues: readonly string[];
  venueQualifiers: readonly string[];
  streets: readonly string[];
  capacity: readonly [number, number];
  /** What the tenant sells: a deal and the event it leads to are of one kind (a party deal, a party). */
  kinds: SaleKinds;
  /** Labels of an event's dates, for events of one, two and three dates. */
  dateLabels: readonly [readonly string[], readonly string[], readonly string[]];
  seasons: readonly string[];
  dealCents: readonly [number, number];
  currency: string;
  altCurrency: string;
  tld: string;
  /** Where people without a company address write from. */
  personalMailDomains: readonly string[];
  taskTitles: readonly string[];
  noteBodies: readonly string[];
  communicationSubjects: readonly string[];
  communicationBodies: readonly string[];
}

/** The vocabulary for a tenant slug. */
export function seedVocabulary(slug: string): SeedVocabulary {
  const flavour = flavourFor(slug);
  // Seeded accounts are businesses, so kinds sold only to private clients (weddings) are left out.
  const kinds = kindsFor(flavour, false);
  const labels = (dates: number) => flavour.dateLabels[dates - 1] ?? [];
  return {
    firstNames: slugged(FIRST_NAMES),
    lastNames: slugged(LAST_NAMES),
    accountPrefixes: ACCOUNT_PREFIXES,
    accountFirst: slugged(flavour.accountFirst),
    accountSecond: slugged(flavour.accountSecond.filter((second) => !flavour.privateClients.includes(second))),
    industries: flavour.industries,
    jobTitles: JOB_TITLES,
    contactRoles: flavour.contactRoles,
    cities: {
      names: flavour.cities.map((city) => city.city),
      regions: flavour.cities.map((city) => city.region),
      countries: flavour.cities.map((city) => city.country),
      timezones: flavour.cities.map((city) => city.timezone),
      dialCodes: flavour.cities.map((city) => DIAL_CODES[city.country] ?? '+1'),
      postalPrefixes: flavour.cities.map((city) => city.postalPrefix),
    },
    venues: flavour.venues,
    venueQualifiers: VENUE_QUALIFIERS,
    streets: STREETS,
    capacity: flavour.capacity,
    kinds: {
      weights: kinds.map((kind) => kind.weight),
      types: kinds.map((kind) => kind.type),
      deals: kinds.flatMap((kind) => kind.deals),
      dealOffsets: offsets(kinds.map((kind) => kind.deals.length)),
      dealCounts: kinds.map((kind) => kind.deals.length),
      events: kinds.flatMap((kind) => kind.events),
      eventOffsets: offsets(kinds.map((kind) => kind.events.length)),
      eventCounts: kinds.map((kind) => kind.events.length),
    },
    dateLabels: [labels(1), labels(2), labels(3)],
    seasons: SEASONS,
    dealCents: flavour.dealCents,
    currency: flavour.currency,
    altCurrency: flavour.altCurrency,
    tld: flavour.tld,
    personalMailDomains: PERSONAL_MAIL_DOMAINS,
    taskTitles: [...TASK_TITLES, ...flavour.tasks],
    noteBodies: NOTE_BODIES,
    communicationSubjects: COMMUNICATION_SUBJECTS,
    communicationBodies: COMMUNICATION_BODIES,
  };
}

/** Where each of several consecutive runs of `lengths` starts in their concatenation. */
function offsets(lengths: readonly number[]): number[] {
  return lengths.map((_, n) => lengths.slice(0, n).reduce((sum, length) => sum + length, 0));
}

function slugged(words: readonly string[]): SluggedWords {
  return { words, slugs: words.map((word) => slugify(word, '')) };
}

