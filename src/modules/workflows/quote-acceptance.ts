import { badInput, notFound } from '../../errors/app-error.js';
import { type Contract } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { assertDateOrder } from '../entity/date-order.js';
import { nextDocumentNumber } from './numbering.js';
import { inTenantTransaction } from './tenant-transaction.js';
import { type AcceptQuoteInput } from './workflow.input.js';

/** Quote statuses that can still be accepted. */
const OPEN = ['DRAFT', 'SENT'] as const;

/**
 * Accepts a quote in one tenant transaction: marks it ACCEPTED (guarded by its status, so it is
 * accepted once) and creates the contract from it, numbered per tenant, for the quote's account,
 * event, total and currency.
 */
export function acceptQuote(db: TenantDb, id: string, input: AcceptQuoteInput): Promise<Contract> {
  const startsOn = input.startsOn ?? new Date(new Date().toISOString().slice(0, 10));
  assertDateOrder({ startsOn, endsOn: input.endsOn ?? null }, 'startsOn', 'endsOn');
  return inTenantTransaction(db, async (tx) => {
    const accepted = await tx.quote.updateMany({ where: { id, status: { in: [...OPEN] } }, data: { status: 'ACCEPTED' } });
    const quote = await tx.quote.findUnique({ where: { id } });
    if (!quote) {
      throw notFound('Quote', id);
    }
    if (accepted.count === 0) {
      throw badInput(`quote ${quote.number} is ${quote.status}; only draft or sent quotes can be accepted`, 'id');
    }
    return tx.contract.create({
      data: {
        tenantId: quote.tenantId,
        accountId: quote.accountId,
        quoteId: quote.id,
        eventId: quote.eventId,
        number: await nextDocumentNumber(tx, quote.tenantId, 'contract'),
        currency: quote.currency,
        value: quote.total,
        startsOn,
        endsOn: input.endsOn ?? null,
      },
    });
  });
}
