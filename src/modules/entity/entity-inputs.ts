import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, type ClassType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination/page-args.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { type Prisma } from '../../generated/tenant/client.js';
import { type Json } from './entity-delegate.js';
import { type FieldOf, type FieldOfType, type RowOf, type TenantModel, type WhereOf } from './model-types.js';

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

/** Builds one model's `where` from a filter; field names and values are checked against the model's columns. */
export interface WhereParts<M extends TenantModel> {
  /** Case-insensitive substring match on any of the fields; nothing when the text is empty. */
  search(text: string | null | undefined, fields: readonly FieldOf<M>[]): WhereOf<M>;
  /** The field equals the value, when a value is given. */
  equals<F extends FieldOf<M>>(field: F, value: RowOf<M>[F] | null | undefined): WhereOf<M>;
  /** Each named filter field, when given, must equal the row's column of the same name. */
  each<F extends FieldOf<M>>(filter: { [K in F]?: RowOf<M>[K] | null }, ...fields: F[]): WhereOf<M>[];
  /** The amount field lies within the range, when one is given. */
  amount(field: FieldOfType<M, Prisma.Decimal>, range: AmountRange | null | undefined): WhereOf<M>;
  /** The date field lies within the range, when one is given. */
  date(field: FieldOfType<M, Date>, range: DateRange | null | undefined): WhereOf<M>;
  /** Combines filter parts; every part must hold. */
  all(...parts: WhereOf<M>[]): WhereOf<M>;
}

function bounded(field: string, low: unknown, high: unknown): Json {
  const condition = { ...(low != null ? { gte: low } : {}), ...(high != null ? { lte: high } : {}) };
  return Object.keys(condition).length ? { [field]: condition } : {};
}

const equals = (field: string, value: unknown): Json => (value === undefined || value === null ? {} : { [field]: value });

const parts = {
  search: (text: string | null | undefined, fields: readonly string[]): Json =>
    text ? { OR: fields.map((field) => ({ [field]: { contains: text, mode: 'insensitive' } })) } : {},
  equals,
  each: (filter: Json, ...fields: string[]): Json[] => fields.map((field) => equals(field, filter[field])),
  amount: (field: string, range: AmountRange | null | undefined): Json => (range ? bounded(field, range.min, range.max) : {}),
  date: (field: string, range: DateRange | null | undefined): Json => (range ? bounded(field, range.from, range.to) : {}),
  all: (...all: Json[]): Json => {
    const nonEmpty = all.filter((part) => Object.keys(part).length > 0);
    return nonEmpty.length ? { AND: nonEmpty } : {};
  },
};

/**
 * The `where` builder of one model, e.g. `const on = whereOn('account')` and then
 * `on.all(on.search(filter.search, ['name']), on.equals('type', filter.type))`: a misspelt field
 * or a value of the wrong type does not compile.
 */
export function whereOn<M extends TenantModel>(_model: M): WhereParts<M> {
  // Library seam: the parts build plain objects with computed keys; their typed signatures above are what callers rely on.
  return parts as unknown as WhereParts<M>;
}
