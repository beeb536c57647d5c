import { type Opportunity } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { OpportunityFilter, OpportunityOrder } from './opportunity.input.js';
import { OpportunityConnection } from './opportunity.type.js';

const on = whereOn('opportunity');

/** Opportunities on the generic entity service. */
export const opportunityService = createEntityService<'opportunity', OpportunityFilter>({
  model: 'opportunity',
  defaultOrder: 'name',
  nullableOrder: ['expectedCloseDate'],
  required: ['accountId', 'name', 'amount', 'stage', 'currency', 'probability'],
  references: referencesOf('accountId', 'leadId'),
  users: ['ownerId'],
  where: (filter) =>
    on.all(
      on.search(filter.search, ['name']),
      ...on.each(filter, 'stage', 'accountId', 'leadId', 'ownerId'),
      on.amount('amount', filter.amount),
      on.date('expectedCloseDate', filter.expectedClose),
    ),
});

/** Opportunities by id, and the opportunities of accounts, batched per request. */
export const opportunityById = byIdLoader<Opportunity>('opportunity');

/** Opportunities as the relation connections of other records list them. */
export const opportunityList = entityList(opportunityService, OpportunityConnection, OpportunityFilter, OpportunityOrder);
