import { createUnionType } from 'type-graphql';
import { type RequestContext } from '../../graphql/context.js';
import { AccountObject } from '../accounts/account.type.js';
import { ContactObject } from '../contacts/contact.type.js';
import { ContractObject } from '../contracts/contract.type.js';
import { type ModelName } from '../entity/entity-delegate.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { type TypedRow, typedRow, typeNameOf } from '../entity/typed-row.js';
import { EventObject } from '../events/event.type.js';
import { InvoiceObject } from '../invoices/invoice.type.js';
import { LeadObject } from '../leads/lead.type.js';
import { OpportunityObject } from '../opportunities/opportunity.type.js';
import { QuoteObject } from '../quotes/quote.type.js';

/** The record a task, note, attachment or communication is about. */
export const SubjectUnion = createUnionType({
  name: 'Subject',
  description: 'The record a task, note, attachment or communication is about.',
  types: () => [AccountObject, ContactObject, LeadObject, OpportunityObject, EventObject, QuoteObject, ContractObject, InvoiceObject] as const,
  resolveType: typeNameOf,
});

const TYPE_OF: Readonly<Record<string, string>> = {
  account: 'Account',
  contact: 'Contact',
  lead: 'Lead',
  opportunity: 'Opportunity',
  event: 'Event',
  quote: 'Quote',
  contract: 'Contract',
  invoice: 'Invoice',
};

/** Subject rows by model and id: one query per model per request, whatever the page size. */
export async function loadSubject(context: RequestContext, model: ModelName, id: string): Promise<TypedRow | null> {
  const row = await byIdLoader<{ id: string }>(model)(context).load(id);
  return row ? typedRow(TYPE_OF[model] ?? model, row) : null;
}

/** The most specific subject among a row's references (event before opportunity before ... account). */
export function firstSubject(context: RequestContext, references: [ModelName, string | null][]): Promise<TypedRow | null> | null {
  const found = references.find(([, id]) => id !== null);
  return found ? loadSubject(context, found[0], found[1] as string) : null;
}
