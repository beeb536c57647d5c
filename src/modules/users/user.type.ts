import { Field, ID, ObjectType } from 'type-graphql';

/** A person from the control plane, as other tenants' members see them. */
@ObjectType('User', { description: 'A user of tenantgate (control plane).' })
export class UserType {
  @Field(() => ID, { description: 'The user id (owner, assignee, author and member fields point at it).' })
  id!: string;

  @Field({ description: 'Their sign-in email address.' })
  email!: string;

  @Field({ description: 'The name to show for them.' })
  displayName!: string;
}
