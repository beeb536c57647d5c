import { type Quote } from '../../generated/tenant/client.js';

/** The description of each quote field, declared once for the Quote type and its inputs. */
export const QUOTE_FIELDS = {
  accountId: 'The account quoted.',
  opportunityId: 'The deal it belongs to.',
  eventId: 'The event it prices.',
  number: 'Quote number, unique in the tenant, e.g. "Q-2026-0042".',
  status: 'Status.',
  currency: 'ISO 4217 currency of the amounts, e.g. "EUR".',
  subtotal: 'Amount before tax.',
  tax: 'Tax amount.',
  total: 'subtotal + tax, kept by the gateway.',
  validUntil: 'Last day the offer holds (a date).',
} as const satisfies Partial<Record<keyof Quote, string>>;
