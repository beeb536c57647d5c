import { type Lead } from '../../generated/tenant/client.js';

/** The description of each lead field, declared once for the Lead type and its inputs. */
export const LEAD_FIELDS = {
  firstName: 'First name of the person.',
  lastName: 'Last name of the person.',
  email: 'Email address of the person.',
  company: 'The company the person works for.',
  source: 'Where the lead came from.',
  status: 'Qualification status.',
  score: 'Lead score, 0 (cold) to 100 (hot).',
  ownerId: 'Control-plane user id of the owner.',
  convertedAccountId: 'The account the lead was converted into.',
  convertedContactId: 'The contact the lead was converted into.',
  convertedOpportunityId: 'The opportunity the lead was converted into.',
} as const satisfies Partial<Record<keyof Lead, string>>;
