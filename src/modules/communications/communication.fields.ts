import { type Communication } from '../../generated/tenant/client.js';

/** The description of each communication field, declared once for the Communication type and its inputs. */
export const COMMUNICATION_FIELDS = {
  channel: 'How it took place: email, call, meeting or SMS.',
  direction: 'Inbound or outbound.',
  subject: 'Subject line or topic.',
  body: 'Content or summary.',
  occurredAt: 'When it happened.',
  userId: 'Control-plane user id of who logged it.',
  accountId: 'The account it was with.',
  contactId: 'The contact it was with.',
  leadId: 'The lead it was with.',
} as const satisfies Partial<Record<keyof Communication, string>>;
