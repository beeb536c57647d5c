/** Where a row returned through a GraphQL union records which object type it is. */
const TYPE_NAME = Symbol('graphqlTypeName');

/** A row marked with its GraphQL type name, for a union's `resolveType`. */
export type TypedRow<T extends object = object> = T & { [TYPE_NAME]: string };

/** Marks a row with the object type it resolves to inside a union. */
export function typedRow<T extends object>(typeName: string, row: T): TypedRow<T> {
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row, { [TYPE_NAME]: typeName });
}

/** The type name {@link typedRow} recorded; a union's `resolveType`. */
export function typeNameOf(row: object): string | undefined {
  return (row as Partial<TypedRow>)[TYPE_NAME];
}
