import { type Lead } from '../../generated/tenant/client.js';
import { allOf, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { LeadOrderField, type LeadFilter } from './lead.input.js';

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
