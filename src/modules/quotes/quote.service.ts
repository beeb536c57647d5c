import { Prisma, type Quote } from '../../generated/tenant/client.js';
import { allOf, amountWithin, dateWithin, equalsEach, textSearch } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { byIdLoader } from '../entity/relation-loaders.js';
import { referencesOf } from '../entity/references.js';
import { QuoteOrderField, QuoteFilter, QuoteOrder } from './quote.input.js';
import { QuoteConnection } from './quote.type.js';

/** Quotes on the generic entity service; the total is derived, so it can never disagree. */
export const quoteService = createEntityService<Quote, QuoteFilter>({
  name: 'Quote',
  model: 'quote',
  defaultOrder: QuoteOrderField.NUMBER,
  nullableOrder: [QuoteOrderField.VALID_UNTIL],
  required: ['accountId', 'number', 'subtotal', 'tax', 'status', 'currency'],
  references: referencesOf('accountId', 'opportunityId', 'eventId'),
  where: (filter) =>
    allOf(
      textSearch(filter.search, ['number']),
      ...equalsEach(filter, 'status', 'accountId', 'opportunityId', 'eventId'),
      amountWithin('total', filter.total),
      dateWithin('validUntil', filter.validUntil),
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
