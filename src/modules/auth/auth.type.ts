import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipRole, TenantStatus } from '../../generated/control/enums.js';
import { UserType } from '../users/user.type.js';

registerEnumType(MembershipRole, { name: 'MembershipRole', description: 'Role of a user in a tenant, least to most: VIEWER, MEMBER, ADMIN, OWNER.' });
registerEnumType(TenantStatus, { name: 'TenantStatus' });

/** A tenant as its members see it. */
@ObjectType('Tenant')
export class TenantType {
  @Field()
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => TenantStatus)
  status!: TenantStatus;
}

/** Tokens and identity returned by login, refresh and switchTenant. */
@ObjectType()
export class AuthPayload {
  @Field({ description: 'Short-lived bearer token for the Authorization header.' })
  accessToken!: string;

  @Field({ description: 'Single-use token for `refresh`; each use returns a new one.' })
  refreshToken!: string;

  @Field({ description: 'When the access token expires.' })
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;

  @Field(() => TenantType)
  tenant!: TenantType;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

/** One tenant the caller belongs to. */
@ObjectType()
export class MembershipType {
  @Field(() => TenantType)
  tenant!: TenantType;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

/** The caller: who, in which tenant, with which role, and which other tenants they may switch to. */
@ObjectType()
export class Me {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => TenantType)
  tenant!: TenantType;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field()
  isPlatformAdmin!: boolean;

  @Field(() => [MembershipType])
  memberships!: MembershipType[];
}
