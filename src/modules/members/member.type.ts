import { Field, ID, ObjectType } from 'type-graphql';
import { MembershipRole } from '../../generated/control/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { UserType } from '../users/user.type.js';

/** A user's membership in the caller's tenant. */
@ObjectType('TenantMember', { description: "A user's membership in the current tenant and their role there." })
export class TenantMemberObject {
  @Field(() => ID, { description: 'The membership id.' })
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => UserType)
  user!: UserType;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field({ description: 'When the user joined the tenant.' })
  createdAt!: Date;
}

@ObjectType()
export class TenantMemberConnection extends Connection(TenantMemberObject, 'TenantMember') {}
