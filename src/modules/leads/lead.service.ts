import { type Lead } from '../../generated/tenant/client.js';
import { allOf, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { LeadOrderField, LeadFilter, LeadOrder } from './lead.input.js';
import { LeadConnection } from './lead.type.js';

/** Leads on the generic entity service. */
export const leadService = createEntityService<Lead, LeadFilter>({
  name: 'Lead',
  model: 'lead',
  defaultOrder: LeadOrderField.LAST_NAME,
  nullableOrder: [LeadOrderField.COMPANY],
  required: ['firstName', 'lastName', 'source', 'status', 'score'],
  users: ['ownerId'],
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['firstName', 'lastName', 'email', 'company']),
      ...equalsEach(filter, 'status', 'source', 'ownerId'),
    ),
  prepare: (_next, data) => (typeof data.email === 'string' ? { ...data, email: data.email.toLowerCase() } : data),
});

/** Leads by id, batched per request. */
export const leadById = byIdLoader<Lead>('lead');

/** Leads as the relation connections of other records list them. */
export const leadList = entityList(leadService, LeadConnection, LeadFilter, LeadOrder);
