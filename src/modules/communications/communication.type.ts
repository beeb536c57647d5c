import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CommunicationChannel, CommunicationDirection } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { COMMUNICATION_FIELDS } from './communication.fields.js';

registerEnumType(CommunicationChannel, { name: 'CommunicationChannel', description: 'How the communication took place.' });
registerEnumType(CommunicationDirection, { name: 'CommunicationDirection', description: 'Who started it: they (INBOUND) or we (OUTBOUND).' });

/** An email, call, meeting or SMS with an account, contact or lead. */
@ObjectType('Communication', { description: 'An email, call, meeting or SMS with an account, a contact or a lead (see `about`).' })
export class CommunicationObject extends EntityNode {
  @Field(() => CommunicationChannel, { description: COMMUNICATION_FIELDS.channel })
  channel!: CommunicationChannel;

  @Field(() => CommunicationDirection, { description: COMMUNICATION_FIELDS.direction })
  direction!: CommunicationDirection;

  @Field(() => String, { nullable: true, description: COMMUNICATION_FIELDS.subject })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: COMMUNICATION_FIELDS.body })
  body!: string | null;

  @Field({ description: COMMUNICATION_FIELDS.occurredAt })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: `${COMMUNICATION_FIELDS.userId} See \`user\`.` })
  userId!: string | null;

  @Field(() => ID, { nullable: true, description: COMMUNICATION_FIELDS.accountId })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: COMMUNICATION_FIELDS.contactId })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: COMMUNICATION_FIELDS.leadId })
  leadId!: string | null;
}

@ObjectType({ description: 'A page of communications.' })
export class CommunicationConnection extends Connection(CommunicationObject, 'Communication') {}
