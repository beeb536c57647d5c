import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AuditOutcome } from '../../generated/control/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'SUCCESS: the action happened. DENIED: refused for lack of rights (or a failed login). FAILURE: it was attempted and failed.',
});

/** One row of the tenant's audit trail. */
@ObjectType('AuditEntry', { description: 'One audited action in this tenant: who did what to which record, when, and how it ended.' })
export class AuditEntryObject {
  @Field(() => ID, { description: 'Increases with every row; newer rows have larger ids.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of whoever acted; see `actor`.' })
  actorUserId!: string | null;

  @Field({ description: 'The mutation or auth event, e.g. `createAccount`, `setMemberRole`, `login`.' })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'GraphQL type of the record acted on, e.g. `Account`; members are `User`.' })
  targetType!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the record acted on, when there is one.' })
  targetId!: string | null;

  @Field(() => String, { nullable: true, description: 'What an auth event was about (e.g. the tenant slug of a switch).' })
  target!: string | null;

  @Field(() => AuditOutcome, { description: 'How it ended.' })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'A short note: the role given, or why the action was refused.' })
  detail!: string | null;

  @Field({ description: 'When it happened.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of audit rows, newest first.' })
export class AuditEntryConnection extends Connection(AuditEntryObject, 'AuditEntry') {}
