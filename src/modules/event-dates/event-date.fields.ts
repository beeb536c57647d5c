import { type EventDate } from '../../generated/tenant/client.js';

/** The description of each event date field, declared once for the EventDate type and its inputs. */
export const EVENT_DATE_FIELDS = {
  eventId: 'The event.',
  locationId: "The venue of this date, when not the event's own.",
  label: 'e.g. "Day 1" or "Rehearsal".',
  startsAt: 'When it starts.',
  endsAt: 'When it ends (never before startsAt).',
} as const satisfies Partial<Record<keyof EventDate, string>>;
