import { IsEmail, IsEnum, IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, Min } from 'class-validator';
import { Field, ID, Int } from 'type-graphql';
import { DecimalScalar } from './scalars/decimal.scalar.js';

/**
 * Field decorators for business inputs beyond names and text (see input-fields.ts): each declares
 * the GraphQL field and its validation together, with a BAD_USER_INPUT message naming the field.
 */
type FieldOptions = { description?: string; nullable?: boolean };

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

const optional = (options: FieldOptions): PropertyDecorator[] => (options.nullable === false ? [] : [IsOptional()]);

/** An email address (optional unless `nullable: false`). */
export function EmailField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { nullable: options.nullable ?? true, description: options.description }),
      ...optional(options),
      IsEmail({}, { message: `${String(key)} must be a valid email address` }),
    )(target, key);
}

/** A phone number: digits with an optional leading +, spaces, dots, dashes and brackets. */
export function PhoneField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { nullable: true, description: options.description ?? 'A phone number, e.g. "+49 30 1234567".' }),
      IsOptional(),
      Matches(/^\+?[0-9][0-9 ().-]{2,39}$/, { message: `${String(key)} must be a phone number such as +49 30 1234567` }),
    )(target, key);
}

/** An http(s) URL. */
export function UrlField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { nullable: true, description: options.description }),
      IsOptional(),
      IsUrl({ protocols: ['http', 'https'] }, { message: `${String(key)} must be a URL such as https://example.com` }),
    )(target, key);
}

/** An ISO 4217 currency code of three capital letters; omitted means the column's default. */
export function CurrencyField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => String, { nullable: true, description: options.description ?? 'ISO 4217 currency code, e.g. "EUR" (default "USD").' }),
      IsOptional(),
      Matches(/^[A-Z]{3}$/, { message: `${String(key)} must be an ISO 4217 currency code of three capital letters such as EUR` }),
    )(target, key);
}

/** A non-negative money amount, exact (the Decimal scalar). `positive` also refuses zero. */
export function AmountField(options: FieldOptions & { positive?: boolean } = {}): PropertyDecorator {
  const rule = options.positive ? /^(?!0+(\.0+)?$)\d/ : /^\d/;
  const message = options.positive ? 'must be greater than zero' : 'must not be negative';
  return (target, key) =>
    apply(
      Field(() => DecimalScalar, { nullable: options.nullable ?? true, description: options.description }),
      ...optional(options),
      Matches(rule, { message: `${String(key)} ${message}` }),
    )(target, key);
}

/** A value of a registered enum. */
export function EnumField(enumType: object, options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => enumType, { nullable: options.nullable ?? true, description: options.description }),
      ...optional(options),
      IsEnum(enumType, { message: `${String(key)} must be one of ${Object.values(enumType).join(', ')}` }),
    )(target, key);
}

/** A required reference to a row of this tenant, by UUID. */
export function RequiredId(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(Field(() => ID, { description: options.description }), IsUUID('all', { message: `${String(key)} must be a UUID` }))(target, key);
}

/** An integer within bounds. */
export function IntField(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, key) =>
    apply(
      Field(() => Int, { nullable: options.nullable ?? true, description: options.description }),
      ...optional(options),
      IsInt({ message: `${String(key)} must be a whole number` }),
      Min(min, { message: `${String(key)} must be at least ${min}` }),
      Max(max, { message: `${String(key)} must be at most ${max}` }),
    )(target, key);
}

/** A point in time (ISO 8601), optional unless `nullable: false`. */
export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) => apply(Field(() => Date, { nullable: options.nullable ?? true, description: options.description }), ...optional(options))(target, key);
}
