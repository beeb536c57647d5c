import { type Contract } from '../../generated/tenant/client.js';

/** The description of each contract field, declared once for the Contract type and its inputs. */
export const CONTRACT_FIELDS = {
  accountId: 'The account.',
  quoteId: 'The quote it was made from.',
  eventId: 'The event it covers.',
  number: 'Contract number, unique in the tenant.',
  status: 'Status.',
  currency: 'ISO 4217 currency of the value, e.g. "EUR".',
  value: 'Total value of the contract.',
  startsOn: 'First day the contract applies (a date).',
  endsOn: 'Last day the contract applies (a date); never before startsOn.',
  signedAt: 'When it was signed.',
} as const satisfies Partial<Record<keyof Contract, string>>;
