import { type Reference } from './entity-definition.js';

/** Every reference column of the tenant schema and the row it must name. */
const REFERENCE_COLUMNS = {
  accountId: { model: 'account', label: 'an account' },
  contactId: { model: 'contact', label: 'a contact' },
  leadId: { model: 'lead', label: 'a lead' },
  opportunityId: { model: 'opportunity', label: 'an opportunity' },
  locationId: { model: 'location', label: 'a location' },
  eventId: { model: 'event', label: 'an event' },
  quoteId: { model: 'quote', label: 'a quote' },
  contractId: { model: 'contract', label: 'a contract' },
  invoiceId: { model: 'invoice', label: 'an invoice' },
} as const satisfies Record<string, Reference>;

export type ReferenceColumn = keyof typeof REFERENCE_COLUMNS;

/** The reference checks of an entity's columns, for `EntityDefinition.references`. */
export function referencesOf<C extends ReferenceColumn>(...columns: C[]): Record<C, Reference> {
  // Library seam: Object.fromEntries types its keys as string; they are exactly `columns`.
  return Object.fromEntries(columns.map((column): [C, Reference] => [column, REFERENCE_COLUMNS[column]])) as Record<C, Reference>;
}
