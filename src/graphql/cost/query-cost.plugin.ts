import { type ApolloServerPlugin } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { type RequestContext } from '../context.js';
import { measureQuery, type QueryCost } from './query-cost.js';

/** The most a query may cost and return; see {@link measureQuery}. */
export interface CostLimits {
  /** Weighted cost (objects 1, each connection's nodes multiplied by its `first`). */
  maxCost: number;
  /** Nodes the query may return, summed over its connections (GitHub's node limit). */
  maxNodes: number;
}

const count = (value: number) => Math.ceil(value).toLocaleString('en-US');

function refusal(found: QueryCost, limits: CostLimits): AppError | null {
  const [what, value, limit] =
    found.nodes > limits.maxNodes ? ['may return', found.nodes, limits.maxNodes] : found.cost > limits.maxCost ? ['costs', found.cost, limits.maxCost] : [null, 0, 0];
  if (!what) {
    return null;
  }
  const unit = what === 'may return' ? ' nodes' : '';
  const heaviest = found.heaviest ? `; ${found.heaviest.path} multiplies to ${count(found.heaviest.nodes)} nodes` : '';
  return new AppError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query ${what} ${count(value)}${unit}, over the limit of ${count(limit)}${heaviest}. Ask for smaller pages (first) or fewer nested connections.`,
    { cost: Math.ceil(found.cost), nodes: found.nodes, maxCost: limits.maxCost, maxNodes: limits.maxNodes, heaviest: found.heaviest?.path ?? null },
    { httpStatus: 400 },
  );
}

/**
 * Refuses a query over the cost or node limit with QUERY_TOO_COMPLEX once its operation is known
 * and before any resolver runs. A plugin rather than a validation rule: the page sizes are often
 * variables, which validation does not see, and persisted queries pass through here too.
 */
export function queryCostPlugin(limits: CostLimits): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          // Coerced as execution will see them, defaults of the variable definitions included; variables
          // that do not coerce are refused by execution with BAD_USER_INPUT before any resolver.
          const variables = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}) : undefined;
          const refused = operation && variables?.coerced ? refusal(measureQuery(schema, document, operation, variables.coerced), limits) : null;
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}
