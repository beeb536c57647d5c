import { InputType } from 'type-graphql';
import { OptionalId } from '../../graphql/input-fields.js';

/** The records a task or note can be about; any of them may be set. */
@InputType()
export class SubjectFields {
  @OptionalId({ description: 'The account it is about.' })
  accountId?: string | null;

  @OptionalId({ description: 'The contact it is about.' })
  contactId?: string | null;

  @OptionalId({ description: 'The opportunity it is about.' })
  opportunityId?: string | null;

  @OptionalId({ description: 'The event it is about.' })
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
