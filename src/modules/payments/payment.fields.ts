import { type Payment } from '../../generated/tenant/client.js';

/** The description of each payment field, declared once for the Payment type and its inputs. */
export const PAYMENT_FIELDS = {
  invoiceId: 'The invoice paid.',
  amount: 'Amount received; greater than zero.',
  currency: 'ISO 4217 currency of the amount.',
  method: 'How it was paid.',
  reference: 'Bank or card reference.',
  receivedAt: 'When the money arrived.',
} as const satisfies Partial<Record<keyof Payment, string>>;
