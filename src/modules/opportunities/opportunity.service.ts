import { type Opportunity } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { OpportunityOrderField, OpportunityFilter, OpportunityOrder } from './opportunity.input.js';
import { OpportunityConnection } from './opportunity.type.js';

/** Opportunities on the generic entity service. */
export const opportunityService = createEntityService<Opportunity, OpportunityFilter>({
  name: 'Opportunity',
  model: 'opportunity',
  defaultOrder: OpportunityOrderField.NAME,
  nullableOrder: [OpportunityOrderField.EXPECTED_CLOSE_DATE],
  required: ['accountId', 'name', 'amount', 'stage', 'currency', 'probability'],
  references: referencesOf('accountId', 'leadId'),
  users: ['ownerId'],
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['name']),
      ...equalsEach(filter, 'stage', 'accountId', 'leadId', 'ownerId'),
      amountWithin('amount', filter.amount),
      dateWithin('expectedCloseDate', filter.expectedClose),
    ),
});

/** Opportunities by id, and the opportunities of accounts, batched per request. */
export const opportunityById = byIdLoader<Opportunity>('opportunity');

/** Opportunities as the relation connections of other records list them. */
export const opportunityList = entityList(opportunityService, OpportunityConnection, OpportunityFilter, OpportunityOrder);
