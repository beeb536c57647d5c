import { type Flavour } from './types.js';

/** umbrella: a hospitality group hosting weddings, private celebrations and corporate stays. */
export const umbrellaFlavour: Flavour = {
  key: 'umbrella',
  currency: 'GBP',
  altCurrency: 'EUR',
  accountFirst: ['Ashworth', 'Pemberton', 'Whitlock', 'Hargreaves', 'Fairfax', 'Kingsley', 'Thornbury',
    'Wexley', 'Blackwood', 'Ellington', 'Harcourt', 'Lockwood', 'Calloway', 'Ravenscroft'],
  accountSecond: ['& Hale', '& Morgan', '& Price', '& Carter', '& Quinn', 'Family', 'Estates', 'Hospitality Group',
    'Solicitors', 'Motor Club', 'Rowing Club', 'Distillery'],
  // Couples and families booking their own celebrations, as opposed to the business accounts.
  privateClients: ['& Hale', '& Morgan', '& Price', '& Carter', '& Quinn', 'Family'],
  tld: 'co.uk',
  industries: ['Hospitality', 'Legal services', 'Clubs & societies', 'Drinks', 'Property'],
  cities: [
    { city: 'Bath', region: 'Somerset', country: 'GB', timezone: 'Europe/London', postalPrefix: 'BA1' },
    { city: 'York', region: 'North Yorkshire', country: 'GB', timezone: 'Europe/London', postalPrefix: 'YO1' },
    { city: 'Edinburgh', region: 'Scotland', country: 'GB', timezone: 'Europe/London', postalPrefix: 'EH1' },
    { city: 'Cotswolds', region: 'Gloucestershire', country: 'GB', timezone: 'Europe/London', postalPrefix: 'GL5' },
    { city: 'Brighton', region: 'East Sussex', country: 'GB', timezone: 'Europe/London', postalPrefix: 'BN1' },
    { city: 'Kinsale', region: 'Cork', country: 'IE', timezone: 'Europe/Dublin', postalPrefix: 'P17' },
  ],
  venues: ['Orangery', 'Manor House', 'Walled Garden', 'Tithe Barn', 'Grand Ballroom', 'Lakeside Marquee',
    'Chapel Lawn', 'Library Suite', 'Boathouse'],
  capacity: [40, 350],
  kinds: [
    { type: 'WEDDING', weight: 6, audience: 'private',
      deals: ['{account} — wedding package', '{account} — exclusive use weekend'],
      events: ['{account} wedding', '{account} wedding weekend'],
      dateLabels: [['Ceremony & reception'], ['Ceremony & reception', 'Farewell brunch'],
        ['Welcome drinks', 'Ceremony & reception', 'Farewell brunch']] },
    { type: 'PARTY', weight: 2, deals: ['{account} — garden party', '{account} — festive party'],
      events: ['{account} {season} garden party', '{account} Christmas party'] },
    { type: 'CORPORATE', weight: 3, audience: 'business',
      deals: ['{account} — away day', '{account} — room block', '{account} — private dining'],
      events: ['{account} away day', '{account} summer ball', '{account} board dinner'] },
  ],
  contactRoles: ['Main contact', 'Partner', 'Planner', 'Finance', 'Personal assistant'],
  dateLabels: [['Event day'], ['Arrival', 'Event day'], ['Arrival', 'Event day', 'Departure']],
  dealCents: [450_000, 9_500_000],
  tasks: ['Confirm menu tasting', 'Send table plan template', 'Book florist walkthrough',
    'Confirm guest room list', 'Arrange registrar visit', 'Confirm band timings'],
};
