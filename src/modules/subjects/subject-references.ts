import { type Reference } from '../entity/entity-definition.js';
import { type Json } from '../entity/entity-delegate.js';
import { equals } from '../entity/entity-inputs.js';

/** The reference checks of the subject fields (see SubjectFields). */
export const SUBJECT_REFERENCES: Readonly<Record<string, Reference>> = {
  accountId: { model: 'account', label: 'an account' },
  contactId: { model: 'contact', label: 'a contact' },
  opportunityId: { model: 'opportunity', label: 'an opportunity' },
  eventId: { model: 'event', label: 'an event' },
};

/** The "related to" conditions of a filter with subject fields. */
export function subjectWhere(filter: Partial<Record<'accountId' | 'contactId' | 'opportunityId' | 'eventId' | 'leadId', string | null>>): Json[] {
  return (['accountId', 'contactId', 'opportunityId', 'eventId', 'leadId'] as const).map((field) => equals(field, filter[field]));
}
