import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { communicationsStep, notesStep, tasksStep } from './activity-steps.js';
import { attachmentsStep } from './attachments-step.js';
import { invoicesStep, paymentsStep } from './billing-steps.js';
import { accountContactsStep, accountsStep, contactsStep } from './crm-steps.js';
import { contractsStep, quotesStep } from './deal-steps.js';
import { eventDatesStep, eventsStep, locationsStep } from './event-steps.js';
import { type InsertStep } from './insert-step.js';
import { leadsStep, opportunitiesStep } from './lead-steps.js';
import { type StepScope } from './step-scope.js';

/**
 * The seed's steps in the order they run: parents before the rows that reference them (leads
 * come before the deals they opened: their link to the deal has no foreign key), and every step
 * after the ones whose row counts it reads.
 */
export const SEED_STEPS: readonly (readonly [SeedTable, (scope: StepScope) => InsertStep])[] = [
  ['accounts', accountsStep],
  ['contacts', contactsStep],
  ['account_contacts', accountContactsStep],
  ['leads', leadsStep],
  ['opportunities', opportunitiesStep],
  ['locations', locationsStep],
  ['events', eventsStep],
  ['event_dates', eventDatesStep],
  ['quotes', quotesStep],
  ['contracts', contractsStep],
  ['invoices', invoicesStep],
  ['payments', paymentsStep],
  ['tasks', tasksStep],
  ['notes', notesStep],
  ['attachments', attachmentsStep],
  ['communications', communicationsStep],
];
