import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/paginate.js';

/** What a query may cost: its weighted cost, the nodes it may return, and the path that multiplied most. */
export interface QueryCost {
  cost: number;
  nodes: number;
  /** The chain of connections with the largest page product, e.g. `accounts(first: 50) × invoices(first: 20)`. */
  heaviest: { path: string; nodes: number } | null;
}

type Variables = Readonly<Record<string, unknown>>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
  nodes: number;
  heaviest: QueryCost['heaviest'];
}

/** A Relay connection type: an object named `…Connection` with `edges`. */
function isConnection(type: GraphQLCompositeType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

/** The page size a connection field asks for: its `first` (literal, variable or schema default), clamped to what a page may hold. */
function pageSizeOf(field: GraphQLField<unknown, unknown>, argument: ValueNode | undefined, variables: Variables): number {
  let value: unknown = field.args.find((arg) => arg.name === 'first')?.defaultValue ?? DEFAULT_PAGE_SIZE;
  if (argument?.kind === Kind.INT) {
    value = Number(argument.value);
  } else if (argument?.kind === Kind.VARIABLE && variables[argument.name.value] != null) {
    value = variables[argument.name.value];
  }
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/**
 * The cost of one selection set on `type`, per instance of it: scalars 0, an object field 1 plus
 * its children, a connection 1 plus its page size times the cost of what each node selects (plus
 * 1 for a selected `totalCount`, a count statement), introspection 0. Of an abstract type's
 * fragments the dearest counts, since one row is one of them.
 */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode | undefined, type: GraphQLCompositeType, multiplier: number, path: string[]): number {
  let common = 0;
  const branches = new Map<string, number>();
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      common += fieldCost(walk, selection, type, multiplier, path);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[selection.name.value] : selection;
    if (!fragment) {
      continue;
    }
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    const on = condition && isCompositeType(condition) ? condition : type;
    const cost = selectionCost(walk, fragment.selectionSet, on, multiplier, path);
    if (isAbstractType(type) && on !== type) {
      branches.set(on.name, (branches.get(on.name) ?? 0) + cost);
    } else {
      common += cost;
    }
  }
  return common + Math.max(0, ...branches.values());
}

function fieldCost(walk: Walk, node: Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>, type: GraphQLCompositeType, multiplier: number, path: string[]): number {
  const name = node.name.value;
  if (name.startsWith('__') || isUnionType(type)) {
    return 0;
  }
  const field = type.getFields()[name];
  const named = field ? getNamedType(field.type) : undefined;
  if (!field || !named || !isCompositeType(named)) {
    return 0;
  }
  if (!isConnection(named)) {
    return 1 + selectionCost(walk, node.selectionSet, named, multiplier, path);
  }
  const size = pageSizeOf(field, node.arguments?.find((arg) => arg.name.value === 'first')?.value, walk.variables);
  const pages = multiplier * size;
  const here = [...path, `${node.alias?.value ?? name}(first: ${size})`];
  walk.nodes += pages;
  if (!walk.heaviest || pages > walk.heaviest.nodes) {
    walk.heaviest = { path: here.join(' × '), nodes: pages };
  }
  let perNode = 0;
  let counted = 0;
  for (const selection of node.selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === 'totalCount') {
      counted = 1;
    } else if (selection.kind === Kind.FIELD && selection.name.value === 'edges') {
      const edge = named.getFields().edges;
      const edgeType = edge ? getNamedType(edge.type) : undefined;
      const nodeField = edgeType && isObjectType(edgeType) ? edgeType.getFields().node : undefined;
      const nodeType = nodeField ? getNamedType(nodeField.type) : undefined;
      for (const inner of selection.selectionSet?.selections ?? []) {
        if (inner.kind === Kind.FIELD && inner.name.value === 'node' && nodeType && isCompositeType(nodeType)) {
          perNode += selectionCost(walk, inner.selectionSet, nodeType, pages, here);
        }
      }
    }
  }
  return 1 + counted + size * perNode;
}

/**
 * Measures an operation before it runs (GitHub's and Shopify's published models): each connection
 * multiplies what its nodes select by its `first`, and the nodes a query may return are the sum
 * over its connections of the product of the page sizes along the way.
 */
export function measureQuery(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): QueryCost {
  const fragments = Object.fromEntries(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const walk: Walk = { schema, fragments, variables, nodes: 0, heaviest: null };
  const cost = root ? selectionCost(walk, operation.selectionSet, root, 1, []) : 0;
  return { cost, nodes: walk.nodes, heaviest: walk.heaviest };
}
