import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CommunicationChannel, CommunicationDirection } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(CommunicationChannel, { name: 'CommunicationChannel', description: 'How the communication took place.' });
registerEnumType(CommunicationDirection, { name: 'CommunicationDirection', description: 'Who started it: they (INBOUND) or we (OUTBOUND).' });

/** An email, call, meeting or SMS with an account, contact or lead. */
@ObjectType('Communication', { description: 'An email, call, meeting or SMS with an account, a contact or a lead (see `about`).' })
export class CommunicationObject extends EntityNode {
  @Field(() => CommunicationChannel, { description: 'How it took place.' })
  channel!: CommunicationChannel;

  @Field(() => CommunicationDirection, { description: 'Inbound or outbound.' })
  direction!: CommunicationDirection;

  @Field(() => String, { nullable: true, description: 'Subject line or topic.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'Content or summary.' })
  body!: string | null;

  @Field({ description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of who logged it; see `user`.' })
  userId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The account it was with.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact it was with.' })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The lead it was with.' })
  leadId!: string | null;
}

@ObjectType({ description: 'A page of communications.' })
export class CommunicationConnection extends Connection(CommunicationObject, 'Communication') {}
