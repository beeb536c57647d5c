import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, type ClassType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination/page-args.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { type Json } from './entity-delegate.js';

/** An inclusive range of amounts; either end may be omitted. */
@InputType({ description: 'An inclusive range of amounts; either end may be omitted.' })
export class AmountRange {
  @Field(() => DecimalScalar, { nullable: true, description: 'At least this much.' })
  min?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'At most this much.' })
  max?: string | null;
}

/** An inclusive range of instants or dates; either end may be omitted. */
@InputType({ description: 'An inclusive range of instants or dates; either end may be omitted.' })
export class DateRange {
  @Field(() => Date, { nullable: true, description: 'On or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'On or before this instant.' })
  to?: Date | null;
}

/**
 * The arguments of one entity's list: paging, its filter and its order. Subclass the result so the
 * schema gets a named type, e.g. `class EventsArgs extends ListArgsOf(EventFilter, EventOrder, '…') {}`.
 */
export function ListArgsOf<TFilter extends object, TOrder extends object>(filterType: ClassType<TFilter>, orderType: ClassType<TOrder>, defaultOrder: string) {
  @ArgsType()
  abstract class ListArgsClass extends PageArgs {
    @Field(() => filterType, { nullable: true, description: 'All given conditions must hold.' })
    @IsOptional()
    @ValidateNested()
    filter?: TFilter | null;

    @Field(() => orderType, { nullable: true, description: `Defaults to ${defaultOrder}. NULLs sort last in both directions.` })
    @IsOptional()
    @ValidateNested()
    orderBy?: TOrder | null;
  }
  return ListArgsClass;
}

/** Case-insensitive substring match on any of the fields; nothing when the text is empty. */
export function textSearch(text: string | null | undefined, fields: string[]): Json {
  return text ? { OR: fields.map((field) => ({ [field]: { contains: text, mode: 'insensitive' } })) } : {};
}

/** The field equals the value, when a value is given. */
export function equals(field: string, value: unknown): Json {
  return value === undefined || value === null ? {} : { [field]: value };
}

function bounded(field: string, low: unknown, high: unknown): Json {
  const condition = { ...(low != null ? { gte: low } : {}), ...(high != null ? { lte: high } : {}) };
  return Object.keys(condition).length ? { [field]: condition } : {};
}

/** The amount field lies within the range, when one is given. */
export function amountWithin(field: string, range: AmountRange | null | undefined): Json {
  return range ? bounded(field, range.min, range.max) : {};
}

/** The date field lies within the range, when one is given. */
export function dateWithin(field: string, range: DateRange | null | undefined): Json {
  return range ? bounded(field, range.from, range.to) : {};
}

/** Combines filter parts; every part must hold. */
export function allOf(...parts: Json[]): Json {
  const nonEmpty = parts.filter((part) => Object.keys(part).length > 0);
  return nonEmpty.length ? { AND: nonEmpty } : {};
}

/** Each named filter field, when given, must equal the row's column of the same name. */
export function equalsEach<TFilter extends object>(filter: TFilter, ...fields: (keyof TFilter & string)[]): Json[] {
  return fields.map((field) => equals(field, filter[field]));
}
