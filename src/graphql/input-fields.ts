import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID } from 'type-graphql';

/**
 * Field decorators for input classes: each declares the GraphQL field and its validation in one
 * place, with messages that name the field, so every domain's inputs read and fail the same way.
 */
type FieldOptions = { description?: string };

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An optional text field of `min`..`max` characters; null clears it on update. */
export function OptionalText(max: number, options: FieldOptions & { min?: number } = {}): PropertyDecorator {
  const min = options.min ?? 1;
  return (target, key) =>
    apply(
      Field(() => String, { nullable: true, description: options.description }),
      IsOptional(),
      Length(min, max, { message: `${String(key)} must be ${min} to ${max} characters` }),
    )(target, key);
}

/** A required name: 1..`max` characters, not only whitespace. */
export function RequiredName(max: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { description: options.description }),
      Length(1, max, { message: `${String(key)} must be 1 to ${max} characters` }),
      Matches(/\S/, { message: `${String(key)} must not be blank` }),
    )(target, key);
}

/** A name on an update: omitted keeps it; when given, the rules of {@link RequiredName}. */
export function OptionalName(max: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { nullable: true, description: options.description }),
      IsOptional(),
      Length(1, max, { message: `${String(key)} must be 1 to ${max} characters` }),
      Matches(/\S/, { message: `${String(key)} must not be blank` }),
    )(target, key);
}

/** An optional reference to a row or a user, by UUID. */
export function OptionalId(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => ID, { nullable: true, description: options.description }),
      IsOptional(),
      IsUUID('all', { message: `${String(key)} must be a UUID` }),
    )(target, key);
}
