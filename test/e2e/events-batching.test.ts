import { randomUUID } from 'node:crypto';
import { statementCounter } from '../support/statement-counter.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/**
 * The events screen: a page of events with their dates, location, account and owner costs a fixed
 * number of SQL statements to the tenant database whatever the page size (one per relation, batched
 * per request), and the owners come from the control plane in one batched lookup.
 */

const EVENTS_PAGE = `query($first: Int!) {
  events(first: $first, orderBy: { field: NAME }) {
    totalCount
    edges { node { id name dates { edges { node { startsAt endsAt } } } location { name city } account { name } owner { email } } }
  }
}`;

interface EventsPage {
  events: {
    totalCount: number;
    edges: { node: { dates: { edges: unknown[] }; location: { name: string } | null; account: { name: string } | null; owner: { email: string } | null } }[];
  };
}

let fleet: TestFleet;
let token: string;
const counter = statementCounter();

async function statementsOf(first: number): Promise<{ page: EventsPage; sql: string[] }> {
  const { result, sql } = await counter.during(() => fleet.gql<EventsPage>(EVENTS_PAGE, { variables: { first }, token }));
  expect(result.errors).toEqual([]);
  return { page: result.data as EventsPage, sql };
}

beforeAll(async () => {
  fleet = await startTestFleet({ connect: counter.connect });
  counter.attach(fleet);
  token = (await fleet.login('owner@acme.test', 'acme')).accessToken;
  const owner = await fleet.app.control.client.user.findUniqueOrThrow({ where: { email: 'owner@acme.test' } });
  const tenantId = fleet.tenants.acme.id;
  const raw = await fleet.rawDb('acme');
  const accounts = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), tenantId, name: `Client ${i}` }));
  const locations = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), tenantId, name: `Venue ${i}`, addressLine1: `${i} Quay`, city: 'Hamburg', country: 'DE' }));
  const events = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    tenantId,
    name: `Event ${String(i).padStart(2, '0')}`,
    accountId: accounts[i % 10]?.id,
    locationId: locations[i % 5]?.id,
    ownerId: owner.id,
  }));
  const dates = events.flatMap((event, i) => [0, 1].map((day) => ({
    tenantId,
    eventId: event.id,
    startsAt: new Date(Date.UTC(2027, 0, 1 + i, 9 + day)),
    endsAt: new Date(Date.UTC(2027, 0, 1 + i, 17 + day)),
  })));
  await raw.prisma.account.createMany({ data: accounts });
  await raw.prisma.location.createMany({ data: locations });
  await raw.prisma.event.createMany({ data: events });
  await raw.prisma.eventDate.createMany({ data: dates });
  await statementsOf(1); // warm the tenant client so its connection check is not counted
});
afterAll(async () => {
  await fleet?.close();
});

test('a page of 50 events with dates, location, account and owner costs five tenant statements', async () => {
  const { page, sql } = await statementsOf(50);
  expect(page.events.totalCount).toBe(60);
  expect(page.events.edges).toHaveLength(50);
  for (const { node } of page.events.edges) {
    expect(node.dates.edges).toHaveLength(2);
    expect(node.location?.name).toMatch(/^Venue/);
    expect(node.account?.name).toMatch(/^Client/);
    expect(node.owner?.email).toBe('owner@acme.test');
  }
  // page + count + dates + locations + accounts; the owners are one control-plane query
  expect(sql).toHaveLength(5);
});

test('the number of tenant statements does not grow with the page size', async () => {
  const small = await statementsOf(5);
  const large = await statementsOf(50);
  expect(small.page.events.edges).toHaveLength(5);
  expect(large.sql.length).toBe(small.sql.length);
});
