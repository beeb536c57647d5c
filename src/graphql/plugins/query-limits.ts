import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits on one GraphQL document, checked before it executes. */
export interface QueryLimits {
  /** Deepest field nesting (Relay lists use three levels: list, edges, node). */
  maxDepth: number;
  maxAliases: number;
  /** Hide "did you mean" suggestions, which map the schema for a caller without introspection. */
  hideSuggestions: boolean;
}

/**
 * GraphQL Armor's validation rules and plugins for Apollo: a deeply nested or aliased query is
 * refused as GRAPHQL_VALIDATION_FAILED before any resolver, so it never reaches a tenant database.
 * Introspection (the sandbox's schema query) is exempt from depth.
 */
export function queryLimitProtection(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    // Cost is ours (see graphql/cost): Armor's does not know list sizes.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
  }).protect();
}
