import { buildTasks, buildNotes } from './activity.js';
import { buildAttachments } from './attachments.js';
import { buildCommunications } from './communications.js';
import { createSeedContext, type DemoTenant } from './context.js';
import { buildContracts } from './contracts.js';
import { buildContacts } from './contacts.js';
import { buildAccounts } from './crm.js';
import { buildEvents } from './events.js';
import { buildInvoicesAndPayments } from './invoices.js';
import { buildLeads } from './leads.js';
import { buildOpportunities } from './opportunities.js';
import { buildQuotes } from './quotes.js';
import { type DemoRows } from './rows.js';

/**
 * Every demo row for one tenant, built in memory without touching a database. Pure apart from
 * hashing: the same tenant, people and anchor always give the same rows, which keeps the seed
 * reproducible and lets tests inspect the data without Postgres.
 */
export function buildDemoRows(tenant: DemoTenant, people: readonly string[], anchor: Date): DemoRows {
  const ctx = createSeedContext(tenant, people, anchor);
  const { rows: accounts, accounts: accountInfos, spareCompanyNames } = buildAccounts(ctx);
  const { contacts, links } = buildContacts(ctx, accountInfos);
  const { rows: leads, convertedLeadByAccount } = buildLeads(ctx, accountInfos, spareCompanyNames);
  const { rows: opportunities, opportunities: deals } = buildOpportunities(ctx, accountInfos, convertedLeadByAccount);
  const { locations, events, eventDates, eventByOpportunity, eventIds } = buildEvents(ctx, accountInfos, deals);
  const { quotes, accepted } = buildQuotes(ctx, deals, eventByOpportunity);
  const { rows: contracts, contracts: contractInfos } = buildContracts(ctx, accepted);
  const { invoices, payments } = buildInvoicesAndPayments(ctx, contractInfos);
  const leadIds = leads.map((lead) => lead.id as string);
  const subjects = { accounts: accountInfos, opportunities: deals, eventIds, leadIds };
  return {
    accounts,
    contacts,
    account_contacts: links,
    leads,
    opportunities,
    locations,
    events,
    event_dates: eventDates,
    quotes,
    contracts,
    invoices,
    payments,
    tasks: buildTasks(ctx, subjects),
    notes: buildNotes(ctx, subjects),
    attachments: buildAttachments(ctx, {
      events: eventIds,
      contracts: contractInfos.map((contract) => contract.id),
      quotes: quotes.map((quote) => quote.id as string),
      accounts: accountInfos.map((account) => account.id),
    }),
    communications: buildCommunications(ctx, accountInfos, leadIds),
  };
}
