import { Field, ID, ObjectType } from 'type-graphql';
import { MembershipRole } from '../../generated/control/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { UserType } from '../users/user.type.js';

/** A user's membership in the caller's tenant. */
@ObjectType('TenantMember', { description: "A user's membership in the current tenant and their role there." })
export class TenantMemberObject {
  @Field(() => ID, { description: 'The membership id.' })
  id!: string;

  @Field(() => ID, { description: "The member's user id (what `setMemberRole` and `removeTenantMember` take)." })
  userId!: string;

  @Field(() => UserType, { description: 'The member.' })
  user!: UserType;

  @Field(() => MembershipRole, { description: 'Their role in this tenant.' })
  role!: MembershipRole;

  @Field({ description: 'When the user joined the tenant.' })
  createdAt!: Date;
}

@ObjectType({ description: "A page of the tenant's members." })
export class TenantMemberConnection extends Connection(TenantMemberObject, 'TenantMember') {}
