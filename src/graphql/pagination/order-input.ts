import { Field, InputType } from 'type-graphql';
import { SortDirection } from './sort-direction.js';

/**
 * The `orderBy` input of a list: one of the entity's sortable fields (a registered enum whose
 * values are Prisma field names) and a direction, ascending by default. Subclass the result so
 * the schema gets a named type, e.g. `class AccountOrder extends OrderInput(AccountOrderField) {}`.
 */
export function OrderInput<TField extends string>(fieldEnum: Record<string, TField>) {
  @InputType()
  abstract class OrderInputClass {
    @Field(() => fieldEnum, { description: 'The field to sort by; ties are broken by id.' })
    field!: TField;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (default) or descending.' })
    direction!: SortDirection;
  }
  return OrderInputClass;
}
