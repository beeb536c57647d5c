import { type Flavour } from './types.js';

/** Any other tenant: a general events and client-services business. */
export const genericFlavour: Flavour = {
  key: 'generic',
  currency: 'USD',
  altCurrency: 'EUR',
  accountFirst: ['Alder', 'Birch', 'Cedar', 'Elm', 'Juniper', 'Linden', 'Rowan', 'Spruce', 'Willow', 'Aspen',
    'Hazel', 'Sequoia', 'Magnolia', 'Cypress'],
  accountSecond: ['Holdings', 'Partners', 'Group', 'Industries', 'Ventures', 'Solutions', 'Trading', 'Works',
    'Collective', 'Supply', 'Agency', 'Co-op'],
  privateClients: [],
  tld: 'com',
  industries: ['Technology', 'Manufacturing', 'Retail', 'Non-profit', 'Professional services', 'Education'],
  cities: [
    { city: 'Seattle', region: 'WA', country: 'US', timezone: 'America/Los_Angeles', postalPrefix: '981' },
    { city: 'Boston', region: 'MA', country: 'US', timezone: 'America/New_York', postalPrefix: '021' },
    { city: 'London', region: null, country: 'GB', timezone: 'Europe/London', postalPrefix: 'EC1' },
    { city: 'Paris', region: 'Île-de-France', country: 'FR', timezone: 'Europe/Paris', postalPrefix: '750' },
    { city: 'Sydney', region: 'NSW', country: 'AU', timezone: 'Australia/Sydney', postalPrefix: '20' },
  ],
  venues: ['Event Hall', 'Conference Centre', 'Riverside Pavilion', 'City Hotel Ballroom', 'Community Hall',
    'Rooftop Terrace', 'Meeting Suite'],
  capacity: [30, 1500],
  kinds: [
    { type: 'CONFERENCE', weight: 2, deals: ['{account} — annual conference'],
      events: ['{account} annual meeting {year}'] },
    { type: 'CORPORATE', weight: 2, deals: ['{account} — offsite', '{account} — customer day'],
      events: ['{account} offsite — {city}', '{account} customer day'] },
    { type: 'WORKSHOP', weight: 2, deals: ['{account} — workshop series'],
      events: ['{account} workshop, {season} {year}'] },
    { type: 'PARTY', weight: 1, deals: ['{account} — {season} party'], events: ['{account} {season} party'] },
    { type: 'OTHER', weight: 1, deals: ['{account} — meetup sponsorship'], events: ['{city} meetup {year}'] },
  ],
  contactRoles: ['Primary contact', 'Decision maker', 'Procurement', 'Finance', 'Technical contact'],
  dateLabels: [['Event day'], ['Day 1', 'Day 2'], ['Setup', 'Day 1', 'Day 2']],
  dealCents: [300_000, 8_000_000],
  tasks: ['Confirm venue booking', 'Send welcome pack', 'Check dietary requirements', 'Arrange signage'],
};
