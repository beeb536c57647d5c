import { IsEmail, Length, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'The email of your tenantgate account.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email!: string;

  @Field({ description: 'Your password.' })
  @Length(1, 200, { message: 'password must be 1 to 200 characters' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Which tenant to sign in to; optional when you belong to exactly one.' })
  @MaxLength(100)
  tenantSlug?: string | null;
}
