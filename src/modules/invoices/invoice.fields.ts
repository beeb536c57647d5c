import { type Invoice } from '../../generated/tenant/client.js';

/** The description of each invoice field, declared once for the Invoice type and its inputs. */
export const INVOICE_FIELDS = {
  accountId: 'The account billed.',
  contractId: 'The contract it bills.',
  eventId: 'The event it bills.',
  number: 'Invoice number, unique in the tenant.',
  status: 'Status.',
  currency: 'ISO 4217 currency of the amounts, e.g. "EUR".',
  amount: 'Amount billed.',
  paidAmount: 'Sum of the payments received so far.',
  issuedOn: 'Day it was issued (a date).',
  dueOn: 'Day payment is due (a date); never before issuedOn.',
} as const satisfies Partial<Record<keyof Invoice, string>>;
