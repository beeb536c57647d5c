import { type Communication } from '../../generated/tenant/client.js';
import { hasManyLoader } from '../entity/relation-loaders.js';

const newestFirst = [{ occurredAt: 'desc' }, { id: 'desc' }];

/** The communications with accounts, contacts and leads, newest first, batched per request. */
export const communicationsByAccount = hasManyLoader<Communication>('communication', 'accountId', newestFirst);
export const communicationsByContact = hasManyLoader<Communication>('communication', 'contactId', newestFirst);
export const communicationsByLead = hasManyLoader<Communication>('communication', 'leadId', newestFirst);
