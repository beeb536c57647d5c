import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipRole, TenantStatus } from '../../generated/control/enums.js';
import { UserType } from '../users/user.type.js';

registerEnumType(MembershipRole, { name: 'MembershipRole', description: 'Role of a user in a tenant, least to most: VIEWER, MEMBER, ADMIN, OWNER.' });
registerEnumType(TenantStatus, {
  name: 'TenantStatus',
  description: 'Whether a tenant is served: ACTIVE (reads and writes), READ_ONLY (reads only), SUSPENDED (nothing).',
});

/** A tenant as its members see it. */
@ObjectType('Tenant', { description: 'A tenant (one customer organisation) as its members see it.' })
export class TenantType {
  @Field({ description: 'The tenant id.' })
  id!: string;

  @Field({ description: 'Short unique name, used to sign in (`tenantSlug`).' })
  slug!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => TenantStatus, { description: 'Whether the tenant is served, read-only or suspended.' })
  status!: TenantStatus;
}

/** Tokens and identity returned by login, refresh and switchTenant. */
@ObjectType({ description: 'What `login`, `refresh` and `switchTenant` return: the tokens and who they are for.' })
export class AuthPayload {
  @Field({ description: 'Short-lived bearer token for the Authorization header.' })
  accessToken!: string;

  @Field({ description: 'Single-use token for `refresh`; each use returns a new one.' })
  refreshToken!: string;

  @Field({ description: 'When the access token expires.' })
  expiresAt!: Date;

  @Field(() => UserType, { description: 'The signed-in user.' })
  user!: UserType;

  @Field(() => TenantType, { description: 'The tenant the tokens are for.' })
  tenant!: TenantType;

  @Field(() => MembershipRole, { description: "The user's role in that tenant." })
  role!: MembershipRole;
}

/** One tenant the caller belongs to. */
@ObjectType({ description: 'One tenant the caller belongs to, and their role there (`switchTenant` moves to it).' })
export class MembershipType {
  @Field(() => TenantType, { description: 'The tenant.' })
  tenant!: TenantType;

  @Field(() => MembershipRole, { description: "The caller's role in it." })
  role!: MembershipRole;
}

/** The caller: who, in which tenant, with which role, and which other tenants they may switch to. */
@ObjectType({ description: 'The caller: who, in which tenant, with which role, and which other tenants they may switch to.' })
export class Me {
  @Field(() => UserType, { description: 'The signed-in user.' })
  user!: UserType;

  @Field(() => TenantType, { description: 'The tenant of the access token.' })
  tenant!: TenantType;

  @Field(() => MembershipRole, { description: "The caller's role in that tenant." })
  role!: MembershipRole;

  @Field({ description: 'Whether the caller may use the platform admin operations (tenants, datasources, migrations).' })
  isPlatformAdmin!: boolean;

  @Field(() => [MembershipType], { description: 'Every tenant the caller belongs to.' })
  memberships!: MembershipType[];
}
