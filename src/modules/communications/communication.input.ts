import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { CommunicationChannel, CommunicationDirection } from '../../generated/tenant/enums.js';
import { DateField, EnumField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { COMMUNICATION_FIELDS } from './communication.fields.js';

export enum CommunicationOrderField {
  OCCURRED_AT = 'occurredAt',
  SUBJECT = 'subject',
  CREATED_AT = 'createdAt',
}
registerEnumType(CommunicationOrderField, { name: 'CommunicationOrderField', description: 'Fields communications can be sorted by.' });

@InputType({ description: 'How to sort communications.' })
export class CommunicationOrder extends OrderInput(CommunicationOrderField) {}

@InputType({ description: 'Conditions on communications; all given ones must hold.' })
export class CommunicationFilter {
  @OptionalText(200, { description: 'Case-insensitive match on subject or body.' })
  search?: string | null;

  @EnumField(CommunicationChannel, { description: 'Only this channel.' })
  channel?: CommunicationChannel | null;

  @EnumField(CommunicationDirection, { description: 'Only this direction.' })
  direction?: CommunicationDirection | null;

  @OptionalId({ description: 'Only those with this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only those with this contact.' })
  contactId?: string | null;

  @OptionalId({ description: 'Only those with this lead.' })
  leadId?: string | null;

  @OptionalId({ description: 'Only those logged by this user.' })
  userId?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Only those that happened in this range.' })
  occurredAt?: DateRange | null;
}

@ArgsType()
export class CommunicationsArgs extends ListArgsOf(CommunicationFilter, CommunicationOrder, 'occurredAt ascending') {}

@InputType()
class CommunicationFields {
  @OptionalText(500, { description: COMMUNICATION_FIELDS.subject })
  subject?: string | null;

  @OptionalText(20_000, { description: COMMUNICATION_FIELDS.body })
  body?: string | null;

  @OptionalId({ description: COMMUNICATION_FIELDS.accountId })
  accountId?: string | null;

  @OptionalId({ description: COMMUNICATION_FIELDS.contactId })
  contactId?: string | null;

  @OptionalId({ description: COMMUNICATION_FIELDS.leadId })
  leadId?: string | null;
}

@InputType({ description: 'A communication to log; the caller is its user.' })
export class CreateCommunicationInput extends CommunicationFields {
  @EnumField(CommunicationChannel, { nullable: false, description: COMMUNICATION_FIELDS.channel })
  channel!: CommunicationChannel;

  @EnumField(CommunicationDirection, { nullable: false, description: COMMUNICATION_FIELDS.direction })
  direction!: CommunicationDirection;

  @DateField({ nullable: false, description: COMMUNICATION_FIELDS.occurredAt })
  occurredAt!: Date;
}

@InputType({ description: 'Changes to a communication: omitted fields are kept, null clears an optional one.' })
export class UpdateCommunicationInput extends CommunicationFields {
  @EnumField(CommunicationChannel, { description: COMMUNICATION_FIELDS.channel })
  channel?: CommunicationChannel | null;

  @EnumField(CommunicationDirection, { description: COMMUNICATION_FIELDS.direction })
  direction?: CommunicationDirection | null;

  @DateField({ description: COMMUNICATION_FIELDS.occurredAt })
  occurredAt?: Date | null;
}
