import { Field, ID, ObjectType } from 'type-graphql';

/** A person from the control plane, as other tenants' members see them. */
@ObjectType('User', { description: 'A user of tenantgate (control plane).' })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;
}
