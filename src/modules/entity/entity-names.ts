import { type ModelName } from './entity-delegate.js';

/** How one entity is named in the schema: the registry the isolation suites iterate. */
export interface EntityNames {
  /** Singular and plural field names, e.g. `eventDate` / `eventDates`; mutations use the type name. */
  one: string;
  many: string;
  typeName: string;
  /** What the entity is, for descriptions and messages: e.g. "event dates". */
  noun: string;
}

/** The GraphQL type name of a model: `eventDate` → `EventDate`. */
export function typeNameOf(model: ModelName): string {
  return model.charAt(0).toUpperCase() + model.slice(1);
}

/** Every name of an entity, from its model's name (the business models' plurals are all regular). */
export function entityNamesOf(model: ModelName): EntityNames {
  const many = model.endsWith('y') ? `${model.slice(0, -1)}ies` : `${model}s`;
  return { one: model, many, typeName: typeNameOf(model), noun: many.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`) };
}
