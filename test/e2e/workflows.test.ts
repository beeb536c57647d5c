import { expectError } from '../support/error-assertions.js';
import { codesOf, type GraphQLResult } from '../support/graphql-client.js';
import { createTeam, type Team } from '../support/teams.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** The workflows over HTTP: each all or nothing in the tenant database, and safe under concurrency. */

let fleet: TestFleet;
let team: Team<'member' | 'viewer'>;
let accountId: string;

function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, who: Team<'member' | 'viewer'> | Team<'member'> = team): Promise<GraphQLResult<T>> {
  return fleet.gql<T>(query, { token: who.members.member.accessToken, variables });
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}, who: Team<'member' | 'viewer'> | Team<'member'> = team): Promise<T> {
  const result = await gql<T>(query, variables, who);
  expect(result.errors).toEqual([]);
  return result.data as T;
}

async function newInvoice(amount: string, status: string, who: Team<'member' | 'viewer'> | Team<'member'> = team, account = accountId): Promise<string> {
  const data = await ok<{ createInvoice: { id: string } }>(
    'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
    { input: { accountId: account, amount, status } },
    who,
  );
  return data.createInvoice.id;
}

const PAY = 'mutation($id: ID!, $amount: Decimal!) { recordPayment(invoiceId: $id, input: { amount: $amount, reference: "wire" }) { id amount invoice { paidAmount status } } }';
const INVOICE = 'query($id: ID!) { invoice(id: $id) { number status paidAmount issuedOn dueOn payments(first: 100) { edges { node { amount } } } } }';

beforeAll(async () => {
  fleet = await startTestFleet();
  team = await createTeam(fleet, { member: 'MEMBER', viewer: 'VIEWER' });
  accountId = (await ok<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Workflow Co" }) { id } }')).createAccount.id;
});
afterAll(async () => {
  await fleet?.close();
});

test('a VIEWER may run no workflow (FORBIDDEN), and a refused call changes nothing', async () => {
  const invoiceId = await newInvoice('20.00', 'ISSUED');
  const viewer = team.members.viewer.accessToken;
  const id = '00000000-0000-4000-8000-000000000000';
  const calls = [
    fleet.gql('mutation($id: ID!) { convertLead(id: $id) { id } }', { token: viewer, variables: { id } }),
    fleet.gql('mutation($id: ID!) { recordPayment(invoiceId: $id, input: { amount: "1.00" }) { id } }', { token: viewer, variables: { id: invoiceId } }),
    fleet.gql('mutation($id: ID!) { acceptQuote(id: $id) { id } }', { token: viewer, variables: { id } }),
    fleet.gql('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { token: viewer, variables: { id } }),
  ];
  for (const result of await Promise.all(calls)) {
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
  }
  expect((await ok<{ invoice: { paidAmount: string } }>(INVOICE, { id: invoiceId })).invoice.paidAmount).toBe('0.00');
});

test('a pooled neighbour and a tenant on another database cannot run a workflow on this tenant’s rows', async () => {
  const invoiceId = await newInvoice('20.00', 'ISSUED');
  const draftId = await newInvoice('20.00', 'DRAFT');
  const lead = await ok<{ createLead: { id: string } }>('mutation { createLead(input: { firstName: "Not", lastName: "Yours" }) { id } }');
  const quote = await ok<{ createQuote: { id: string } }>('mutation($a: ID!) { createQuote(input: { accountId: $a, number: "Q-NY-1", subtotal: "1.00" }) { id } }', { a: accountId });
  for (const [email, slug] of [['owner@initech.test', 'initech'], ['owner@acme.test', 'acme']] as const) {
    const token = (await fleet.login(email, slug)).accessToken;
    const calls = [
      fleet.gql('mutation($id: ID!) { convertLead(id: $id) { id } }', { token, variables: { id: lead.createLead.id } }),
      fleet.gql('mutation($id: ID!) { recordPayment(invoiceId: $id, input: { amount: "1.00" }) { id } }', { token, variables: { id: invoiceId } }),
      fleet.gql('mutation($id: ID!) { acceptQuote(id: $id) { id } }', { token, variables: { id: quote.createQuote.id } }),
      fleet.gql('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { token, variables: { id: draftId } }),
    ];
    for (const result of await Promise.all(calls)) {
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
    }
  }
  const after = await ok<{ lead: { status: string }; quote: { status: string }; invoice: { paidAmount: string } }>(
    'query($l: ID!, $q: ID!, $i: ID!) { lead(id: $l) { status } quote(id: $q) { status } invoice(id: $i) { paidAmount } }',
    { l: lead.createLead.id, q: quote.createQuote.id, i: invoiceId },
  );
  expect(after).toEqual({ lead: { status: 'NEW' }, quote: { status: 'DRAFT' }, invoice: { paidAmount: '0.00' } });
});

describe('convertLead', () => {
  const CREATE = 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }';
  const CONVERT = `mutation($id: ID!, $input: ConvertLeadInput) {
    convertLead(id: $id, input: $input) {
      status convertedAccount { name contacts { edges { node { email } } } } convertedContact { email } convertedOpportunity { name amount lead { id } }
    }
  }`;

  test('creates the account, the contact and the opportunity, marks the lead converted, and refuses a second conversion', async () => {
    const lead = await ok<{ createLead: { id: string } }>(CREATE, { input: { firstName: 'Lea', lastName: 'Lead', email: 'Lea@Lead.example', company: 'Lead GmbH' } });
    const id = lead.createLead.id;
    const input = { opportunity: { name: 'Lead GmbH summer party', amount: '4200.00' } };
    const converted = await ok<{ convertLead: Record<string, unknown> }>(CONVERT, { id, input });
    expect(converted.convertLead).toEqual({
      status: 'CONVERTED',
      convertedAccount: { name: 'Lead GmbH', contacts: { edges: [{ node: { email: 'lea@lead.example' } }] } },
      convertedContact: { email: 'lea@lead.example' },
      convertedOpportunity: { name: 'Lead GmbH summer party', amount: '4200.00', lead: { id } },
    });
    expectError(await gql(CONVERT, { id, input }), 'BAD_USER_INPUT', /already converted/);
    const audit = await fleet.app.control.client.auditLog.findMany({ where: { tenantId: team.tenantId, targetId: id, operation: 'convertLead' } });
    expect(audit.map((entry) => [entry.targetType, entry.outcome])).toEqual([['Lead', 'SUCCESS']]);
  });

  test('is all or nothing: a failure after the first writes leaves the lead as it was and creates nothing', async () => {
    const lead = await ok<{ createLead: { id: string } }>(CREATE, { input: { firstName: 'Ron', lastName: 'Rollback', email: 'ron@rollback.example' } });
    const id = lead.createLead.id;
    const missingAccount = '00000000-0000-4000-8000-000000000000';
    expectError(await gql(CONVERT, { id, input: { accountId: missingAccount } }), 'BAD_USER_INPUT', /accountId must be the id of an account/);
    const after = await ok<{ lead: { status: string; convertedContact: unknown }; contacts: { totalCount: number } }>(
      'query($id: ID!) { lead(id: $id) { status convertedContact { id } } contacts(filter: { search: "ron@rollback" }) { totalCount } }',
      { id },
    );
    expect(after).toEqual({ lead: { status: 'NEW', convertedContact: null }, contacts: { totalCount: 0 } });
  });

  test('two concurrent conversions of one lead: exactly one succeeds', async () => {
    const lead = await ok<{ createLead: { id: string } }>(CREATE, { input: { firstName: 'Twin', lastName: 'Race', company: 'Race Ltd' } });
    const results = await Promise.all([0, 1, 2].map(() => gql(CONVERT, { id: lead.createLead.id })));
    expect(results.map((result) => codesOf(result)[0] ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'OK']);
    const accounts = await ok<{ accounts: { totalCount: number } }>('{ accounts(filter: { search: "Race Ltd" }) { totalCount } }');
    expect(accounts.accounts.totalCount).toBe(1);
  });
});

describe('recordPayment', () => {
  test('ten concurrent payments on one invoice: none is lost', async () => {
    const id = await newInvoice('100.00', 'ISSUED');
    const results = await Promise.all(Array.from({ length: 10 }, () => gql(PAY, { id, amount: '7.00' })));
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    const invoice = await ok<{ invoice: { paidAmount: string; status: string; payments: { edges: unknown[] } } }>(INVOICE, { id });
    expect(invoice.invoice).toMatchObject({ paidAmount: '70.00', status: 'PARTIALLY_PAID' });
    expect(invoice.invoice.payments.edges).toHaveLength(10);
  });

  test('concurrent payments that together would over-pay: the excess ones are refused, the rest counted exactly', async () => {
    const id = await newInvoice('100.00', 'ISSUED');
    const results = await Promise.all(Array.from({ length: 5 }, () => gql(PAY, { id, amount: '30.00' })));
    expect(results.map((result) => codesOf(result)[0] ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'OK', 'OK', 'OK']);
    const last = await ok<{ recordPayment: { invoice: { paidAmount: string; status: string } } }>(PAY, { id, amount: '10.00' });
    expect(last.recordPayment.invoice).toEqual({ paidAmount: '100.00', status: 'PAID' });
    expect((await ok<{ invoice: { payments: { edges: unknown[] } } }>(INVOICE, { id })).invoice.payments.edges).toHaveLength(4);
  });

  test('refuses over-payment, draft and void invoices and non-positive amounts, changing nothing', async () => {
    const id = await newInvoice('50.00', 'ISSUED');
    expectError(await gql(PAY, { id, amount: '50.01' }), 'BAD_USER_INPUT', /more than the 50.00 USD still open/);
    expectError(await gql(PAY, { id, amount: '0.00' }), 'BAD_USER_INPUT', /amount must be greater than zero/);
    expectError(await gql(PAY, { id, amount: '-1.00' }), 'BAD_USER_INPUT', /amount must be greater than zero/);
    expectError(await gql(PAY, { id: await newInvoice('50.00', 'DRAFT'), amount: '1.00' }), 'BAD_USER_INPUT', /is DRAFT/);
    expectError(await gql(PAY, { id: await newInvoice('50.00', 'VOID'), amount: '1.00' }), 'BAD_USER_INPUT', /is VOID/);
    const invoice = await ok<{ invoice: { paidAmount: string; status: string; payments: { edges: unknown[] } } }>(INVOICE, { id });
    expect(invoice.invoice).toEqual(expect.objectContaining({ paidAmount: '0.00', status: 'ISSUED', payments: { edges: [] } }));
  });
});

describe('acceptQuote', () => {
  test('creates the contract from the quote and marks it accepted, once', async () => {
    const quote = await ok<{ createQuote: { id: string } }>(
      'mutation($a: ID!) { createQuote(input: { accountId: $a, number: "Q-ACC-1", subtotal: "1000.00", tax: "190.00", currency: "EUR" }) { id } }',
      { a: accountId },
    );
    const id = quote.createQuote.id;
    const ACCEPT = 'mutation($id: ID!) { acceptQuote(id: $id, input: { startsOn: "2027-06-01T00:00:00.000Z" }) { number value currency quote { status contract { value } } } }';
    const accepted = await ok<{ acceptQuote: { number: string; value: string; currency: string; quote: unknown } }>(ACCEPT, { id });
    expect(accepted.acceptQuote).toEqual({
      number: `C-${new Date().getUTCFullYear()}-0001`,
      value: '1190.00',
      currency: 'EUR',
      quote: { status: 'ACCEPTED', contract: { value: '1190.00' } },
    });
    expectError(await gql(ACCEPT, { id }), 'BAD_USER_INPUT', /is ACCEPTED/);
  });
});

describe('issueInvoice', () => {
  const ISSUE = 'mutation($id: ID!, $input: IssueInvoiceInput) { issueInvoice(id: $id, input: $input) { number status issuedOn dueOn } }';

  test('numbers invoices issued concurrently without gaps or duplicates, after the numbers already used', async () => {
    const numbering = await createTeam(fleet, { member: 'MEMBER' });
    const account = (await ok<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Numbers" }) { id } }', {}, numbering)).createAccount.id;
    await ok('mutation($a: ID!) { createInvoice(input: { accountId: $a, number: "INV-2026-0005", amount: "1.00", status: ISSUED }) { id } }', { a: account }, numbering);
    const drafts = await Promise.all(Array.from({ length: 8 }, () => newInvoice('10.00', 'DRAFT', numbering, account)));
    const issueDate = { issuedOn: '2027-03-01T00:00:00.000Z' };
    // A refused issue (due before issued) takes no number.
    expectError(await gql(ISSUE, { id: drafts[0], input: { ...issueDate, dueOn: '2027-02-01T00:00:00.000Z' } }, numbering), 'BAD_USER_INPUT', /dueOn must not be before issuedOn/);
    const results = await Promise.all(drafts.map((id) => gql<{ issueInvoice: { number: string; status: string; dueOn: string } }>(ISSUE, { id, input: issueDate }, numbering)));
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    const numbers = results.map((result) => result.data?.issueInvoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `INV-2027-${String(6 + i).padStart(4, '0')}`));
    expect(results[0]?.data?.issueInvoice).toMatchObject({ status: 'ISSUED', dueOn: '2027-03-31T00:00:00.000Z' });
    expectError(await gql(ISSUE, { id: drafts[0] }, numbering), 'BAD_USER_INPUT', /only a draft is issued/);
  });
});
