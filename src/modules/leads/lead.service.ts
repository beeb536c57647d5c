import { type Lead } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { LeadFilter, LeadOrder } from './lead.input.js';
import { LeadConnection } from './lead.type.js';

const on = whereOn('lead');

/** Leads on the generic entity service. */
export const leadService = createEntityService<'lead', LeadFilter>({
  model: 'lead',
  defaultOrder: 'lastName',
  nullableOrder: ['company'],
  required: ['firstName', 'lastName', 'source', 'status', 'score'],
  users: ['ownerId'],
  where: (filter) =>
    on.all(
      on.search(filter.search, ['firstName', 'lastName', 'email', 'company']),
      ...on.each(filter, 'status', 'source', 'ownerId'),
    ),
  prepare: (_next, data) => (typeof data.email === 'string' ? { ...data, email: data.email.toLowerCase() } : data),
});

/** Leads by id, batched per request. */
export const leadById = byIdLoader<Lead>('lead');

/** Leads as the relation connections of other records list them. */
export const leadList = entityList(leadService, LeadConnection, LeadFilter, LeadOrder);
