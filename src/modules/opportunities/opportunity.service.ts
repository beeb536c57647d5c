import { type Opportunity } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equals, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader, hasManyLoader } from '../entity/relation-loaders.js';
import { OpportunityOrderField, type OpportunityFilter } from './opportunity.input.js';

/** Opportunities on the generic entity service. */
export const opportunityService = createEntityService<Opportunity, OpportunityFilter>({
  name: 'Opportunity',
  model: 'opportunity',
  defaultOrder: OpportunityOrderField.NAME,
  nullableOrder: [OpportunityOrderField.EXPECTED_CLOSE_DATE],
  required: ['accountId', 'name', 'amount', 'stage', 'currency', 'probability'],
  references: { accountId: { model: 'account', label: 'an account' }, leadId: { model: 'lead', label: 'a lead' } },
  users: ['ownerId'],
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['name']),
      equals('stage', filter.stage),
      equals('accountId', filter.accountId),
      equals('leadId', filter.leadId),
      equals('ownerId', filter.ownerId),
      amountWithin('amount', filter.amount),
      dateWithin('expectedCloseDate', filter.expectedClose),
    ),
});

/** Opportunities by id, and the opportunities of accounts, batched per request. */
export const opportunityById = byIdLoader<Opportunity>('opportunity');
export const opportunitiesByAccount = hasManyLoader<Opportunity>('opportunity', 'accountId');
