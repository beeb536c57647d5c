import { entityRegistry } from '../../src/modules/resolvers.js';
import { type EntityNames } from '../../src/modules/entity/entity-names.js';
import { createEntityRow, createWorld, ENTITY_FIXTURES, type EntityFixture, type World } from '../support/entity-fixtures.js';
import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { createTeam, type Team } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * Every business entity of the registry, over HTTP with real tokens: its whole life cycle, the
 * role rules, CONFLICT, audit rows, and isolation from a neighbour on the same pooled database
 * (initech) and from a tenant on another database (acme). The list comes from the product's own
 * registry, so an entity added later cannot skip these checks.
 */

type Row = Record<string, unknown> & { id: string; updatedAt: string };

let fleet: TestFleet;
let team: Team<'owner' | 'member' | 'viewer'>;
const outsiders: Record<'neighbour' | 'otherDatabase', string> = { neighbour: '', otherDatabase: '' };
let world: World;

const ops = (e: EntityNames) => ({
  get: (field: string) => `query($id: ID!) { ${e.one}(id: $id) { id updatedAt ${field} } }`,
  list: `query($filter: ${e.typeName}Filter, $orderBy: ${e.typeName}Order) { ${e.many}(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id } } } }`,
  update: (field: string) =>
    `mutation($id: ID!, $input: Update${e.typeName}Input!, $expected: DateTimeISO) { update${e.typeName}(id: $id, input: $input, expectedUpdatedAt: $expected) { id updatedAt ${field} } }`,
  delete: `mutation($id: ID!, $expected: DateTimeISO) { delete${e.typeName}(id: $id, expectedUpdatedAt: $expected) { id } }`,
});

async function ok<T>(result: Promise<GraphQLResult<T>>): Promise<T> {
  const { errors, data } = await result;
  expect(errors).toEqual([]);
  return data as T;
}

function as(token: string, query: string, variables: Record<string, unknown> = {}) {
  return fleet.gql<Record<string, unknown>>(query, { token, variables });
}

async function create(entity: EntityNames, token = team.members.owner.accessToken): Promise<{ row: Row; input: Record<string, unknown> }> {
  return createEntityRow(fleet.gql, token, entity.typeName, world);
}

async function listedIds(entity: EntityNames, token: string, variables: Record<string, unknown> = {}): Promise<{ ids: string[]; totalCount: number }> {
  const data = await ok(as(token, ops(entity).list, variables));
  const page = data[entity.many] as { totalCount: number; edges: { node: { id: string } }[] };
  return { ids: page.edges.map((edge) => edge.node.id), totalCount: page.totalCount };
}

beforeAll(async () => {
  fleet = await startTestFleet();
  team = await createTeam(fleet, { owner: 'OWNER', member: 'MEMBER', viewer: 'VIEWER' });
  outsiders.neighbour = (await fleet.login('owner@initech.test', 'initech')).accessToken;
  outsiders.otherDatabase = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  world = await createWorld(fleet.gql, team.members.owner.accessToken);
});
afterAll(async () => {
  await fleet?.close();
});

test('every entity of the registry has a fixture, and the registry holds all fifteen', () => {
  expect(Object.keys(ENTITY_FIXTURES).sort()).toEqual(entityRegistry.map((entity) => entity.typeName).sort());
  expect(entityRegistry).toHaveLength(15);
});

describe.each(entityRegistry.map((entity) => ({ ...entity, fixture: ENTITY_FIXTURES[entity.typeName] as EntityFixture })))('$typeName', (entity) => {
  const { fixture } = entity;
  const q = ops(entity);

  test('create → get → list with a filter and an order → update → delete, by role, with CONFLICT and audit rows', async () => {
    const { owner, member, viewer } = team.members;
    const refused = `mutation($input: Create${entity.typeName}Input!) { create${entity.typeName}(input: $input) { id } }`;
    expect(codesOf(await as(viewer.accessToken, refused, { input: fixture.create(world) }))).toEqual(['FORBIDDEN']);
    const { row, input } = await create(entity, member.accessToken);

    const got = await ok(as(viewer.accessToken, q.get(fixture.check.field), { id: row.id }));
    expect((got[entity.one] as Row).id).toBe(row.id);

    const listed = await listedIds(entity, viewer.accessToken, { filter: fixture.filter(world, input), orderBy: fixture.orderBy });
    expect(listed.ids).toContain(row.id);
    expect(listed.totalCount).toBe(listed.ids.length);

    expect(codesOf(await as(viewer.accessToken, q.update(fixture.check.field), { id: row.id, input: fixture.update }))).toEqual(['FORBIDDEN']);
    const updated = (await ok(as(member.accessToken, q.update(fixture.check.field), { id: row.id, input: fixture.update, expected: row.updatedAt })))[
      `update${entity.typeName}`
    ] as Row;
    expect(updated[fixture.check.field]).toBe(fixture.check.value);

    // A client that last read the row before that update is refused, for update and delete alike.
    const stale = await as(owner.accessToken, q.update(fixture.check.field), { id: row.id, input: fixture.update, expected: row.updatedAt });
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    expect(codesOf(await as(owner.accessToken, q.delete, { id: row.id, expected: row.updatedAt }))).toEqual(['CONFLICT']);

    expect(codesOf(await as(member.accessToken, q.delete, { id: row.id }))).toEqual(['FORBIDDEN']);
    await ok(as(owner.accessToken, q.delete, { id: row.id, expected: updated.updatedAt }));
    expect(codesOf(await as(owner.accessToken, q.get('id'), { id: row.id }))).toEqual(['NOT_FOUND']);

    const audit = await fleet.app.control.client.auditLog.findMany({ where: { tenantId: team.tenantId, targetId: row.id, outcome: 'SUCCESS' } });
    expect(audit.map((entry) => entry.operation).sort()).toEqual([`create${entity.typeName}`, `delete${entity.typeName}`, `update${entity.typeName}`]);
    expect(audit.every((entry) => entry.targetType === entity.typeName)).toBe(true);
  });

  test('a neighbour on the same pooled database and a tenant on another database never see, change or delete it', async () => {
    const { row, input } = await create(entity);
    for (const token of Object.values(outsiders)) {
      expect(codesOf(await as(token, q.get('id'), { id: row.id }))).toEqual(['NOT_FOUND']);
      expect((await listedIds(entity, token)).ids).not.toContain(row.id);
      expect((await listedIds(entity, token, { filter: fixture.filter(world, input) })).totalCount).toBe(0);
      expect(codesOf(await as(token, q.update(fixture.check.field), { id: row.id, input: fixture.update }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await as(token, q.delete, { id: row.id }))).toEqual(['NOT_FOUND']);
    }
    const still = await ok(as(team.members.owner.accessToken, q.get('updatedAt'), { id: row.id }));
    expect((still[entity.one] as Row).updatedAt).toBe(row.updatedAt);
  });
});
