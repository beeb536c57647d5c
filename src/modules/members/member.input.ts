import { IsEmail, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MembershipRole } from '../../generated/control/enums.js';
import { OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { PageArgs } from '../../graphql/pagination/page-args.js';

export enum TenantMemberOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(TenantMemberOrderField, { name: 'TenantMemberOrderField', description: 'What members can be sorted by.' });

@InputType({ description: 'How to sort members.' })
export class TenantMemberOrder extends OrderInput(TenantMemberOrderField) {}

@InputType({ description: 'All given conditions must hold.' })
export class TenantMemberFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the email or display name.' })
  search?: string | null;

  @Field(() => MembershipRole, { nullable: true, description: 'Only members with this role.' })
  role?: MembershipRole | null;
}

@ArgsType()
export class TenantMembersArgs extends PageArgs {
  @Field(() => TenantMemberFilter, { nullable: true, description: 'Only members matching it.' })
  @IsOptional()
  @ValidateNested()
  filter?: TenantMemberFilter | null;

  @Field(() => TenantMemberOrder, { nullable: true, description: 'Defaults to joining order (createdAt ascending).' })
  @IsOptional()
  @ValidateNested()
  orderBy?: TenantMemberOrder | null;
}

@InputType({ description: 'A user with a tenantgate account, by email, and the role to give them.' })
export class AddTenantMemberInput {
  @Field({ description: 'The email of their tenantgate account.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @Field(() => MembershipRole, { description: 'At most your own role.' })
  role!: MembershipRole;
}

@ArgsType()
export class SetMemberRoleArgs {
  @Field(() => ID, { description: 'The member, by user id.' })
  userId!: string;

  @Field(() => MembershipRole, { description: 'At most your own role.' })
  role!: MembershipRole;
}
