import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
} from 'graphql';
import pg from 'pg';
import { projectRoot } from '../../src/paths.js';
import { bigTenantId, growTenant } from '../support/big-tenant.js';
import { statementCounter, type SentStatement } from '../support/statement-counter.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * Every list the schema offers stays on an index at production size. A pooled tenant is grown to
 * 200,000 rows in every business table; then, walking the committed SDL, every top-level list is
 * asked in each of its orders (both directions) and with each filter field, and every has-many
 * relation is asked for a page of 50 parents and, on one parent, in each order and with each
 * filter. The SQL the gateway sends is EXPLAINed with its own parameters, and no plan may read a
 * tenant table sequentially. The walk comes from the schema, so a new sort or filter field
 * without an index fails here. `totalCount` is left out: counting a filter that matches most of
 * a big tenant reads those rows whatever the index, which is why it is counted only when asked.
 */

const ROWS = 200_000;
const TENANT_TABLES = new Set([
  'accounts', 'contacts', 'account_contacts', 'leads', 'opportunities', 'locations', 'events', 'event_dates', 'quotes',
  'contracts', 'invoices', 'payments', 'tasks', 'notes', 'attachments', 'communications',
]);

const schema = buildSchema(readFileSync(join(projectRoot, 'schema', 'schema.graphql'), 'utf8'));
const query = schema.getQueryType() as GraphQLObjectType;

let fleet: TestFleet;
let token: string;
let pooled: pg.Client;
let person: string;
const counter = statementCounter();

const rowId = (kind: string) => bigTenantId(fleet.tenants.umbrella.id, kind);

const REFERENCE_KINDS: Record<string, string> = {
  accountId: 'account', contactId: 'contact', leadId: 'lead', opportunityId: 'opportunity', locationId: 'location',
  eventId: 'event', quoteId: 'quote', contractId: 'contract', invoiceId: 'invoice', subjectId: 'account',
};

/** A selective value for one filter field, by its name and type. */
function filterValue(name: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (name.endsWith('Id') && REFERENCE_KINDS[name]) {
    return rowId(REFERENCE_KINDS[name] ?? '');
  }
  if (name.endsWith('Id')) {
    return person;
  }
  if (isEnumType(named)) {
    return named.getValues()[0]?.name;
  }
  if (isInputObjectType(named) && named.name === 'DateRange') {
    return { from: '2024-01-01T00:00:00Z', to: '2024-01-08T00:00:00Z' };
  }
  if (isInputObjectType(named) && named.name === 'AmountRange') {
    return { min: '100', max: '110' };
  }
  if (isScalarType(named) && named.name === 'Boolean') {
    return true;
  }
  const texts: Record<string, string> = { search: 'zq9x', country: 'NL', contentType: 'image/png', role: 'zq9x' };
  return texts[name] ?? 'zq9x';
}

interface Ask {
  label: string;
  document: string;
  variables?: Record<string, unknown>;
}

interface Variant {
  label: string;
  /** The argument this variant sets, passed as the variable of the same name. */
  arg: 'orderBy' | 'filter';
  /** That variable's declaration, e.g. `$orderBy: EventOrder`. */
  declared: string;
  variables: Record<string, unknown>;
}

/** The orders (both directions) and the filter fields of a list field, one variant each. */
function variantsOf(field: GraphQLField<unknown, unknown>): Variant[] {
  const orderArg = field.args.find((arg) => arg.name === 'orderBy');
  const filterArg = field.args.find((arg) => arg.name === 'filter');
  const order = orderArg ? (getNamedType(orderArg.type) as GraphQLInputObjectType) : undefined;
  const filter = filterArg ? (getNamedType(filterArg.type) as GraphQLInputObjectType) : undefined;
  const orderFields = order ? getNamedType(order.getFields().field?.type) : undefined;
  const variants: Variant[] = [];
  if (order && isEnumType(orderFields)) {
    for (const value of orderFields.getValues()) {
      for (const direction of ['ASC', 'DESC']) {
        variants.push({ label: `orderBy ${value.name} ${direction}`, arg: 'orderBy', declared: `$orderBy: ${order.name}`, variables: { orderBy: { field: value.name, direction } } });
      }
    }
  }
  for (const [name, input] of Object.entries(filter?.getFields() ?? {})) {
    variants.push({ label: `filter ${name}`, arg: 'filter', declared: `$filter: ${filter?.name ?? ''}`, variables: { filter: { [name]: filterValue(name, input.type) } } });
  }
  return variants;
}

const isConnectionList = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'orderBy');

/** Every list and relation query the schema can produce, as the walk above describes. */
function asks(): Ask[] {
  const found: Ask[] = [];
  const lists = Object.values(query.getFields()).filter((field) => isConnectionList(field) && getNamedType(field.type).name !== 'TenantMemberConnection');
  for (const list of lists) {
    for (const variant of variantsOf(list)) {
      found.push({
        label: `${list.name} ${variant.label}`,
        document: `query(${variant.declared}) { ${list.name}(first: 20, ${variant.arg}: $${variant.arg}) { edges { node { id } } } }`,
        variables: variant.variables,
      });
    }
    const node = getNamedType((getNamedType(list.type) as GraphQLObjectType).getFields().edges?.type) as GraphQLObjectType;
    const parent = getNamedType(node.getFields().node?.type);
    if (!isObjectType(parent)) {
      continue;
    }
    const one = Object.values(query.getFields()).find((field) => getNamedType(field.type) === parent && field.args.some((arg) => arg.name === 'id'));
    for (const relation of Object.values(parent.getFields()).filter(isConnectionList)) {
      const where = `${parent.name}.${relation.name}`;
      found.push({ label: `${where} for 50 parents`, document: `{ ${list.name}(first: 50) { edges { node { ${relation.name}(first: 5) { edges { node { id } } } } } } }` });
      if (!one) {
        continue;
      }
      const kind = one.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace('event_date', 'date');
      for (const variant of variantsOf(relation)) {
        found.push({
          label: `${where} ${variant.label}`,
          document: `query($id: ID!, ${variant.declared}) { ${one.name}(id: $id) { ${relation.name}(first: 20, ${variant.arg}: $${variant.arg}) { edges { node { id } } } } }`,
          variables: { id: rowId(kind), ...variant.variables },
        });
      }
    }
  }
  return found;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScans(plan: PlanNode): string[] {
  const own = plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] && TENANT_TABLES.has(plan['Relation Name']) ? [plan['Relation Name']] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(sequentialScans)];
}

async function explain(statement: SentStatement): Promise<string[]> {
  const { rows } = await pooled.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
  return sequentialScans(rows[0]?.['QUERY PLAN'][0].Plan as PlanNode);
}

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  token = (await fleet.login('owner@umbrella.test', 'umbrella')).accessToken;
  const owner = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'owner@umbrella.test' } });
  person = owner.id;
  const url = fleet.databases.pooled.url;
  await growTenant(url, fleet.tenants.umbrella.id, [person], ROWS);
  await growTenant(url, fleet.tenants.initech.id, [person], 2_000);
  pooled = new pg.Client({ connectionString: url });
  await pooled.connect();
}, 600_000);
afterAll(async () => {
  await pooled?.end();
  await fleet?.close();
});

test('no list or relation query the schema offers reads a tenant table sequentially at 200,000 rows', async () => {
  const all = asks();
  expect(all.length).toBeGreaterThan(300);
  const scans: string[] = [];
  for (const ask of all) {
    const { result, statements } = await counter.during(() => fleet.gql(ask.document, { token, variables: ask.variables }));
    scans.push(...result.errors.map((error) => `${ask.label}: ${error.message}`));
    for (const statement of statements.filter((sent) => /^\s*SELECT/i.test(sent.text))) {
      for (const table of await explain(statement)) {
        scans.push(`${ask.label}: Seq Scan on ${table}`);
      }
    }
  }
  expect(scans).toEqual([]);
}, 600_000);
