import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { DateField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { EVENT_DATE_FIELDS } from './event-date.fields.js';

export enum EventDateOrderField {
  STARTS_AT = 'startsAt',
  ENDS_AT = 'endsAt',
  CREATED_AT = 'createdAt',
}
registerEnumType(EventDateOrderField, { name: 'EventDateOrderField', description: 'Fields event dates can be sorted by.' });

@InputType({ description: 'How to sort event dates.' })
export class EventDateOrder extends OrderInput(EventDateOrderField) {}

@InputType({ description: 'Conditions on event dates; all given ones must hold.' })
export class EventDateFilter {
  @OptionalId({ description: 'Only the dates of this event.' })
  eventId?: string | null;

  @OptionalId({ description: 'Only the dates at this location.' })
  locationId?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Only dates starting in this range (a calendar view).' })
  startsAt?: DateRange | null;
}

@ArgsType()
export class EventDatesArgs extends ListArgsOf(EventDateFilter, EventDateOrder, 'start ascending') {}

@InputType()
class EventDateFields {
  @OptionalId({ description: EVENT_DATE_FIELDS.locationId })
  locationId?: string | null;

  @OptionalText(100, { description: EVENT_DATE_FIELDS.label })
  label?: string | null;
}

@InputType({ description: 'A new date of an event.' })
export class CreateEventDateInput extends EventDateFields {
  @RequiredId({ description: EVENT_DATE_FIELDS.eventId })
  eventId!: string;

  @DateField({ nullable: false, description: EVENT_DATE_FIELDS.startsAt })
  startsAt!: Date;

  @DateField({ nullable: false, description: EVENT_DATE_FIELDS.endsAt })
  endsAt!: Date;
}

@InputType({ description: 'Changes to an event date: omitted fields are kept, null clears an optional one.' })
export class UpdateEventDateInput extends EventDateFields {
  @DateField({ description: EVENT_DATE_FIELDS.startsAt })
  startsAt?: Date | null;

  @DateField({ description: EVENT_DATE_FIELDS.endsAt })
  endsAt?: Date | null;
}
