import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { EventStatus, EventType } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, EnumField, IntField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { EVENT_FIELDS } from './event.fields.js';

export enum EventOrderField {
  NAME = 'name',
  STATUS = 'status',
  BUDGET = 'budget',
  EXPECTED_ATTENDEES = 'expectedAttendees',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(EventOrderField, { name: 'EventOrderField', description: 'Fields events can be sorted by.' });

@InputType({ description: 'How to sort events.' })
export class EventOrder extends OrderInput(EventOrderField) {}

@InputType({ description: 'Conditions on events; all given ones must hold.' })
export class EventFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the name.' })
  search?: string | null;

  @EnumField(EventType, { description: 'Only events of this kind.' })
  type?: EventType | null;

  @EnumField(EventStatus, { description: 'Only events with this status.' })
  status?: EventStatus | null;

  @OptionalId({ description: 'Only the events of this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only the events of this opportunity.' })
  opportunityId?: string | null;

  @OptionalId({ description: 'Only the events at this location.' })
  locationId?: string | null;

  @OptionalId({ description: 'Only events owned by this user.' })
  ownerId?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Only events with a date starting in this range.' })
  startsAt?: DateRange | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only events whose budget lies in this range.' })
  budget?: AmountRange | null;
}

@ArgsType()
export class EventsArgs extends ListArgsOf(EventFilter, EventOrder, 'name ascending') {}

@InputType()
class EventFields {
  @OptionalId({ description: EVENT_FIELDS.accountId })
  accountId?: string | null;

  @OptionalId({ description: EVENT_FIELDS.opportunityId })
  opportunityId?: string | null;

  @OptionalId({ description: EVENT_FIELDS.locationId })
  locationId?: string | null;

  @EnumField(EventType, { description: `${EVENT_FIELDS.type} Default OTHER.` })
  type?: EventType | null;

  @EnumField(EventStatus, { description: `${EVENT_FIELDS.status} Default DRAFT.` })
  status?: EventStatus | null;

  @IntField(0, 1_000_000, { description: EVENT_FIELDS.expectedAttendees })
  expectedAttendees?: number | null;

  @AmountField({ description: EVENT_FIELDS.budget })
  budget?: string | null;

  @CurrencyField({ description: `${EVENT_FIELDS.currency} Default "USD".` })
  currency?: string | null;

  @OptionalText(5000, { description: EVENT_FIELDS.description })
  description?: string | null;

  @OptionalId({ description: `${EVENT_FIELDS.ownerId} The owner must be a member of this tenant.` })
  ownerId?: string | null;
}

@InputType({ description: 'A new event.' })
export class CreateEventInput extends EventFields {
  @RequiredName(200, { description: EVENT_FIELDS.name })
  name!: string;
}

@InputType({ description: 'Changes to an event: omitted fields are kept, null clears an optional one.' })
export class UpdateEventInput extends EventFields {
  @OptionalName(200, { description: EVENT_FIELDS.name })
  name?: string | null;
}
