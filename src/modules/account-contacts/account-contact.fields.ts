import { type AccountContact } from '../../generated/tenant/client.js';

/**
 * The description of each field of a link between an account and a contact, declared once for the
 * AccountContact type and LinkContactInput. A link is no EntityNode (it has no updatedAt), so it
 * describes its own id.
 */
export const ACCOUNT_CONTACT_FIELDS = {
  id: 'Unique id (UUID).',
  accountId: 'The account.',
  contactId: 'The contact.',
  role: 'Role of the contact at the account, e.g. "Decision maker", "Billing".',
  isPrimary: 'Whether this is the main contact of the account.',
  createdAt: 'When the link was made.',
} as const satisfies Partial<Record<keyof AccountContact, string>>;
