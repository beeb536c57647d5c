import { type Opportunity } from '../../generated/tenant/client.js';

/** The description of each opportunity field, declared once for the Opportunity type and its inputs. */
export const OPPORTUNITY_FIELDS = {
  accountId: 'The account the deal is with.',
  leadId: 'The lead the deal came from.',
  name: 'Name of the deal.',
  stage: 'Pipeline stage.',
  amount: 'Expected value of the deal.',
  currency: 'ISO 4217 currency of the amount, e.g. "EUR".',
  probability: 'Chance of winning, in percent.',
  expectedCloseDate: 'When the deal is expected to close (a date).',
  ownerId: 'Control-plane user id of the owner.',
} as const satisfies Partial<Record<keyof Opportunity, string>>;
