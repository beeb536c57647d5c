import { type Prisma } from '../../generated/tenant/client.js';

/** Every model of the tenant schema by its client property name, junctions and counters included. */
export type TenantModel = Prisma.TypeMap['meta']['modelProps'];

/** Prisma's generated types of one tenant model, by its client property name (`eventDate` → `EventDate`). */
type ModelTypes<M extends TenantModel> = Prisma.TypeMap['model'][Capitalize<M>];

/** A row of the model as Prisma returns it: its scalar fields. */
export type RowOf<M extends TenantModel> = ModelTypes<M>['payload']['scalars'];

/** The model's scalar field names, e.g. `'name' | 'ownerId' | …` for accounts. */
export type FieldOf<M extends TenantModel> = keyof RowOf<M> & string;

/** The model's fields whose values are of type `V` (NULL allowed), e.g. its dates. */
export type FieldOfType<M extends TenantModel, V> = { [K in FieldOf<M>]: NonNullable<RowOf<M>[K]> extends V ? K : never }[FieldOf<M>];

/** The model's Prisma `where` input. */
export type WhereOf<M extends TenantModel> = NonNullable<ModelTypes<M>['operations']['findMany']['args']['where']>;
