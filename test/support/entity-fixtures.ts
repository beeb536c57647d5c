import { randomBytes } from 'node:crypto';

/** Rows of the acting tenant that entity fixtures may point at (created first, through the API). */
export interface World {
  accountId: string;
  eventId: string;
  invoiceId: string;
}

/** How the table-driven suites create, find and change one row of an entity over GraphQL. */
export interface EntityFixture {
  create(world: World): Record<string, unknown>;
  /** A filter the created row matches. */
  filter(world: World, created: Record<string, unknown>): Record<string, unknown>;
  orderBy: { field: string; direction: 'ASC' | 'DESC' };
  update: Record<string, unknown>;
  /** A scalar field the update changes, and the value it should then have. */
  check: { field: string; value: unknown };
}

const unique = () => randomBytes(3).toString('hex');

/** One fixture per entity of the registry, by GraphQL type name; a test fails if one is missing. */
export const ENTITY_FIXTURES: Record<string, EntityFixture> = {
  Account: {
    create: () => ({ name: `Fixture Account ${unique()}`, type: 'CUSTOMER' }),
    filter: (_w, row) => ({ search: row.name, type: 'CUSTOMER' }),
    orderBy: { field: 'NAME', direction: 'DESC' },
    update: { city: 'Lisbon' },
    check: { field: 'city', value: 'Lisbon' },
  },
  Contact: {
    create: (w) => ({ firstName: 'Fixture', lastName: `Contact ${unique()}`, email: `c-${unique()}@fixture.example`, accountIds: [w.accountId] }),
    filter: (w, row) => ({ search: row.lastName, accountId: w.accountId }),
    orderBy: { field: 'LAST_NAME', direction: 'ASC' },
    update: { title: 'Buyer' },
    check: { field: 'title', value: 'Buyer' },
  },
  Lead: {
    create: () => ({ firstName: 'Fixture', lastName: `Lead ${unique()}`, company: 'Fixture Co', status: 'QUALIFIED' }),
    filter: (_w, row) => ({ search: row.lastName, status: 'QUALIFIED' }),
    orderBy: { field: 'COMPANY', direction: 'DESC' },
    update: { score: 42 },
    check: { field: 'score', value: 42 },
  },
  Opportunity: {
    create: (w) => ({ accountId: w.accountId, name: `Fixture Deal ${unique()}`, amount: '1200.50', stage: 'PROPOSAL' }),
    filter: (w, row) => ({ search: row.name, accountId: w.accountId, stage: 'PROPOSAL', amount: { min: '1000', max: '2000' } }),
    orderBy: { field: 'AMOUNT', direction: 'DESC' },
    update: { amount: '1300.00' },
    check: { field: 'amount', value: '1300.00' },
  },
  Location: {
    create: () => ({ name: `Fixture Hall ${unique()}`, addressLine1: '1 Main St', city: 'Porto', country: 'PT' }),
    filter: (_w, row) => ({ search: row.name, country: 'PT' }),
    orderBy: { field: 'CAPACITY', direction: 'ASC' },
    update: { capacity: 300 },
    check: { field: 'capacity', value: 300 },
  },
  Event: {
    create: (w) => ({ accountId: w.accountId, name: `Fixture Gala ${unique()}`, type: 'PARTY', budget: '5000.00' }),
    filter: (w, row) => ({ search: row.name, accountId: w.accountId, type: 'PARTY', budget: { min: '4000' } }),
    orderBy: { field: 'BUDGET', direction: 'DESC' },
    update: { status: 'CONFIRMED' },
    check: { field: 'status', value: 'CONFIRMED' },
  },
  EventDate: {
    create: (w) => ({ eventId: w.eventId, label: `Day ${unique()}`, startsAt: '2027-05-01T09:00:00.000Z', endsAt: '2027-05-01T17:00:00.000Z' }),
    filter: (w) => ({ eventId: w.eventId, startsAt: { from: '2027-04-30T00:00:00.000Z', to: '2027-05-02T00:00:00.000Z' } }),
    orderBy: { field: 'STARTS_AT', direction: 'DESC' },
    update: { endsAt: '2027-05-01T18:00:00.000Z' },
    check: { field: 'endsAt', value: '2027-05-01T18:00:00.000Z' },
  },
  Quote: {
    create: (w) => ({ accountId: w.accountId, eventId: w.eventId, number: `Q-FX-${unique()}`, subtotal: '100.00', tax: '19.00' }),
    filter: (w, row) => ({ search: row.number, eventId: w.eventId, total: { min: '119.00', max: '119.00' } }),
    orderBy: { field: 'VALID_UNTIL', direction: 'ASC' },
    update: { subtotal: '200.00' },
    check: { field: 'total', value: '219.00' },
  },
  Contract: {
    create: (w) => ({ accountId: w.accountId, eventId: w.eventId, number: `C-FX-${unique()}`, value: '900.00', startsOn: '2027-01-01T00:00:00.000Z' }),
    filter: (w, row) => ({ search: row.number, eventId: w.eventId }),
    orderBy: { field: 'ENDS_ON', direction: 'DESC' },
    update: { status: 'ACTIVE' },
    check: { field: 'status', value: 'ACTIVE' },
  },
  Invoice: {
    create: (w) => ({ accountId: w.accountId, eventId: w.eventId, number: `I-FX-${unique()}`, amount: '300.00', dueOn: '2027-02-01T00:00:00.000Z' }),
    filter: (w, row) => ({ search: row.number, eventId: w.eventId, dueOn: { to: '2027-03-01T00:00:00.000Z' } }),
    orderBy: { field: 'DUE_ON', direction: 'ASC' },
    update: { amount: '350.00' },
    check: { field: 'amount', value: '350.00' },
  },
  Payment: {
    create: (w) => ({ invoiceId: w.invoiceId, amount: '10.00', receivedAt: '2027-02-02T10:00:00.000Z', reference: `P-${unique()}` }),
    filter: (w, row) => ({ invoiceId: w.invoiceId, search: row.reference }),
    orderBy: { field: 'AMOUNT', direction: 'DESC' },
    update: { reference: 'corrected' },
    check: { field: 'reference', value: 'corrected' },
  },
  Task: {
    create: (w) => ({ title: `Fixture task ${unique()}`, eventId: w.eventId, priority: 'HIGH', dueAt: '2027-03-01T12:00:00.000Z' }),
    filter: (w, row) => ({ search: row.title, eventId: w.eventId, priority: 'HIGH', dueAt: { to: '2027-03-02T00:00:00.000Z' } }),
    orderBy: { field: 'DUE_AT', direction: 'DESC' },
    update: { status: 'DONE' },
    check: { field: 'status', value: 'DONE' },
  },
  Note: {
    create: (w) => ({ body: `Fixture note ${unique()}`, accountId: w.accountId }),
    filter: (w, row) => ({ search: row.body, accountId: w.accountId }),
    orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    update: { body: 'edited note' },
    check: { field: 'body', value: 'edited note' },
  },
  Attachment: {
    create: (w) => ({ subjectType: 'EVENT', subjectId: w.eventId, fileName: `plan-${unique()}.pdf`, contentType: 'application/pdf', sizeBytes: 2048, storageKey: `fixtures/${unique()}` }),
    filter: (w, row) => ({ search: row.fileName, subjectId: w.eventId, subjectType: 'EVENT' }),
    orderBy: { field: 'SIZE_BYTES', direction: 'DESC' },
    update: { fileName: 'renamed.pdf' },
    check: { field: 'fileName', value: 'renamed.pdf' },
  },
  Communication: {
    create: (w) => ({ channel: 'CALL', direction: 'OUTBOUND', subject: `Fixture call ${unique()}`, occurredAt: '2027-01-10T10:00:00.000Z', accountId: w.accountId }),
    filter: (w, row) => ({ search: row.subject, channel: 'CALL', accountId: w.accountId }),
    orderBy: { field: 'SUBJECT', direction: 'ASC' },
    update: { body: 'They said yes' },
    check: { field: 'body', value: 'They said yes' },
  },
};

/** Sends one operation as a signed-in user; the fleet's `gql` fits. */
export type Send = (query: string, options: { token: string; variables?: Record<string, unknown> }) => Promise<{ data: unknown; errors: unknown[] }>;

async function created(send: Send, token: string, mutation: string, variables: Record<string, unknown>): Promise<{ id: string; updatedAt: string }> {
  const { data, errors } = await send(mutation, { token, variables });
  if (errors.length > 0 || !data) {
    throw new Error(`fixture mutation failed: ${JSON.stringify(errors)}`);
  }
  return Object.values(data as Record<string, { id: string; updatedAt: string }>)[0] as { id: string; updatedAt: string };
}

/** The rows fixtures point at, created through the API in the caller's tenant. */
export async function createWorld(send: Send, token: string): Promise<World> {
  const account = await created(send, token, 'mutation { createAccount(input: { name: "World Account" }) { id updatedAt } }', {});
  const event = await created(send, token, 'mutation($a: ID) { createEvent(input: { name: "World Event", accountId: $a }) { id updatedAt } }', { a: account.id });
  const invoice = await created(
    send,
    token,
    'mutation($a: ID!) { createInvoice(input: { accountId: $a, number: "WORLD-1", amount: "1000.00", status: ISSUED }) { id updatedAt } }',
    { a: account.id },
  );
  return { accountId: account.id, eventId: event.id, invoiceId: invoice.id };
}

/** Creates one row of an entity from its fixture; returns the row and the input it was made from. */
export async function createEntityRow(
  send: Send,
  token: string,
  typeName: string,
  world: World,
): Promise<{ row: { id: string; updatedAt: string }; input: Record<string, unknown> }> {
  const fixture = ENTITY_FIXTURES[typeName];
  if (!fixture) {
    throw new Error(`no fixture for ${typeName}: add one to ENTITY_FIXTURES`);
  }
  const input = fixture.create(world);
  const mutation = `mutation($input: Create${typeName}Input!) { create${typeName}(input: $input) { id updatedAt } }`;
  return { row: await created(send, token, mutation, { input }), input };
}
