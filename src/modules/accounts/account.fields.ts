import { type Account } from '../../generated/tenant/client.js';

/** The description of each account field, declared once for the Account type and its inputs. */
export const ACCOUNT_FIELDS = {
  name: 'Name of the company or organisation.',
  type: 'Where the account stands with us.',
  industry: 'Industry, free text.',
  website: 'Website URL.',
  phone: 'Main phone number.',
  city: 'City of the main office.',
  country: 'ISO 3166-1 alpha-2 country code, e.g. DE.',
  annualRevenue: 'Yearly revenue, exact.',
  employeeCount: 'Number of employees.',
  ownerId: 'Control-plane user id of the owner.',
} as const satisfies Partial<Record<keyof Account, string>>;
