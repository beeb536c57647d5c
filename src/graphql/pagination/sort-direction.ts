import { registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending (smallest first) or descending; NULLs come last either way.' });
