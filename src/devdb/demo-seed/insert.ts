import { type Prisma } from '../../generated/tenant/client.js';
import { type DemoRows, type SeedSummary } from './rows.js';

/**
 * Inserts every table with one `createMany` each, in foreign-key order (the object literal is
 * evaluated top to bottom, and each insert is awaited before the next starts).
 */
export async function insertDemoRows(tx: Prisma.TransactionClient, rows: DemoRows): Promise<SeedSummary> {
  return {
    accounts: (await tx.account.createMany({ data: rows.accounts })).count,
    contacts: (await tx.contact.createMany({ data: rows.contacts })).count,
    account_contacts: (await tx.accountContact.createMany({ data: rows.account_contacts })).count,
    leads: (await tx.lead.createMany({ data: rows.leads })).count,
    opportunities: (await tx.opportunity.createMany({ data: rows.opportunities })).count,
    locations: (await tx.location.createMany({ data: rows.locations })).count,
    events: (await tx.event.createMany({ data: rows.events })).count,
    event_dates: (await tx.eventDate.createMany({ data: rows.event_dates })).count,
    quotes: (await tx.quote.createMany({ data: rows.quotes })).count,
    contracts: (await tx.contract.createMany({ data: rows.contracts })).count,
    invoices: (await tx.invoice.createMany({ data: rows.invoices })).count,
    payments: (await tx.payment.createMany({ data: rows.payments })).count,
    tasks: (await tx.task.createMany({ data: rows.tasks })).count,
    notes: (await tx.note.createMany({ data: rows.notes })).count,
    attachments: (await tx.attachment.createMany({ data: rows.attachments })).count,
    communications: (await tx.communication.createMany({ data: rows.communications })).count,
  };
}
