import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { measureQuery } from '../../src/graphql/cost/query-cost.js';

/** The cost model on a small schema of its own: exact costs and node counts, as documented. */

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Owner { id: ID! name: String! }
  type Invoice { id: ID! number: String! owner: Owner }
  type InvoiceEdge { cursor: String! node: Invoice! }
  type InvoiceConnection { edges: [InvoiceEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Account { id: ID! name: String! owner: Owner invoices(first: Int = 20): InvoiceConnection! accounts(first: Int = 20): AccountConnection! }
  type AccountEdge { cursor: String! node: Account! }
  type AccountConnection { edges: [AccountEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Note { id: ID! body: String! }
  union Subject = Account | Note
  type Query { accounts(first: Int): AccountConnection! account(id: ID!): Account subject(id: ID!): Subject me: Owner }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  if (!operation) {
    throw new Error('no operation');
  }
  return measureQuery(schema, document, operation, variables);
}

test('scalars cost nothing, objects 1, and a connection 1 plus first times what each node selects', () => {
  expect(measure('{ me { id name } }')).toEqual({ cost: 1, nodes: 0, heaviest: null });
  // 1 (connection) + 1 (totalCount) + 50 × (owner 1)
  expect(measure('{ accounts(first: 50) { totalCount pageInfo { hasNextPage } edges { cursor node { id owner { name } } } } }')).toEqual({
    cost: 52,
    nodes: 50,
    heaviest: { path: 'accounts(first: 50)', nodes: 50 },
  });
});

test('nested connections multiply, with schema defaults, variables and fragments', () => {
  const query = `query($n: Int) { accounts(first: $n) { edges { node { ...Invoices } } } }
    fragment Invoices on Account { invoices { edges { node { owner { id } } } } }`;
  // 1 + 10 × (1 + 20 × 1) = 211; nodes 10 + 10 × 20
  expect(measure(query, { n: 10 })).toEqual({ cost: 211, nodes: 210, heaviest: { path: 'accounts(first: 10) × invoices(first: 20)', nodes: 200 } });
  // without the variable, the top-level default page of 20 applies
  expect(measure(query).nodes).toBe(20 + 400);
});

test('50 × 50 × 50 nested connections may return 127,550 nodes', () => {
  const found = measure(`{ accounts(first: 50) { edges { node { accounts(first: 50) { edges { node {
    invoices(first: 50) { edges { node { id } } } } } } } } } }`);
  expect(found.nodes).toBe(50 + 2_500 + 125_000);
  expect(found.heaviest?.path).toBe('accounts(first: 50) × accounts(first: 50) × invoices(first: 50)');
  expect(found.cost).toBe(1 + 50 * (1 + 50 * 1));
});

test('a page size over the maximum is counted as the maximum, and introspection costs nothing', () => {
  expect(measure('{ accounts(first: 5000) { edges { node { id } } } }').nodes).toBe(100);
  expect(measure('{ __schema { types { name fields { name } } } __typename }')).toEqual({ cost: 0, nodes: 0, heaviest: null });
});

test('of a union’s fragments the dearest counts, not their sum', () => {
  const found = measure(`{ subject(id: "1") { ... on Note { body } ... on Account { invoices(first: 5) { edges { node { owner { id } } } } } } }`);
  // subject 1 + max(Note 0, Account: 1 + 5 × 1)
  expect(found.cost).toBe(7);
});
