import { type Contact } from '../../generated/tenant/client.js';

/** The description of each contact field, declared once for the Contact type and its inputs. */
export const CONTACT_FIELDS = {
  firstName: 'First name.',
  lastName: 'Last name.',
  email: 'Email address; unique in the tenant, stored lower-case.',
  phone: 'Phone number.',
  title: 'Job title.',
  ownerId: 'Control-plane user id of the owner.',
  accountIds: 'Accounts to link the new contact to; it becomes the primary contact of the first one if that has none.',
} as const satisfies Partial<Record<keyof Contact | 'accountIds', string>>;
