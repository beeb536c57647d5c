import { type Event } from '../../generated/tenant/client.js';

/** The description of each event field, declared once for the Event type and its inputs. */
export const EVENT_FIELDS = {
  accountId: 'The client account.',
  opportunityId: 'The deal the event belongs to.',
  locationId: 'The main venue.',
  name: 'Name of the event.',
  type: 'Kind of event.',
  status: 'Planning status.',
  expectedAttendees: 'How many guests are expected.',
  budget: 'Budget of the event.',
  currency: 'ISO 4217 currency of the budget, e.g. "EUR".',
  description: 'Free-text description.',
  ownerId: 'Control-plane user id of the owner.',
} as const satisfies Partial<Record<keyof Event, string>>;
