import { Prisma, type Quote } from '../../generated/tenant/client.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { QuoteFilter, QuoteOrder } from './quote.input.js';
import { QuoteConnection } from './quote.type.js';

const on = whereOn('quote');

/** Quotes on the generic entity service; the total is derived, so it can never disagree. */
export const quoteService = createEntityService<'quote', QuoteFilter>({
  model: 'quote',
  defaultOrder: 'number',
  nullableOrder: ['validUntil'],
  required: ['accountId', 'number', 'subtotal', 'tax', 'status', 'currency'],
  references: referencesOf('accountId', 'opportunityId', 'eventId'),
  where: (filter) =>
    on.all(
      on.search(filter.search, ['number']),
      ...on.each(filter, 'status', 'accountId', 'opportunityId', 'eventId'),
      on.amount('total', filter.total),
      on.date('validUntil', filter.validUntil),
    ),
  prepare: (next, data) => {
    const total = new Prisma.Decimal(String(next.subtotal)).plus(new Prisma.Decimal(String(next.tax ?? 0)));
    return { ...data, total: total.toFixed(2) };
  },
});

/** Quotes by id, and the quotes of accounts and of events, batched per request. */
export const quoteById = byIdLoader<Quote>('quote');

/** Quotes as the relation connections of other records list them. */
export const quoteList = entityList(quoteService, QuoteConnection, QuoteFilter, QuoteOrder);
