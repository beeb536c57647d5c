import { type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './access.js';

/**
 * Builds the executable schema from the given resolver classes (the modules' list, see
 * src/modules/resolvers.ts); class-validator rules on inputs run before resolvers.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list is typed loosely
export function buildGatewaySchema(resolvers: NonEmptyArray<Function>): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}
