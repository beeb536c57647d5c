import { InputType } from 'type-graphql';
import { OptionalId } from '../../graphql/input-fields.js';
import { SUBJECT_FIELDS } from './subject.fields.js';

/** The records a task or note can be about; any of them may be set. */
@InputType()
export class SubjectFields {
  @OptionalId({ description: SUBJECT_FIELDS.accountId })
  accountId?: string | null;

  @OptionalId({ description: SUBJECT_FIELDS.contactId })
  contactId?: string | null;

  @OptionalId({ description: SUBJECT_FIELDS.opportunityId })
  opportunityId?: string | null;

  @OptionalId({ description: SUBJECT_FIELDS.eventId })
  eventId?: string | null;
}

/** "Related to X" filters over the same references. */
@InputType()
export class SubjectFilterFields {
  @OptionalId({ description: 'Only those about this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only those about this contact.' })
  contactId?: string | null;

  @OptionalId({ description: 'Only those about this opportunity.' })
  opportunityId?: string | null;

  @OptionalId({ description: 'Only those about this event.' })
  eventId?: string | null;
}
