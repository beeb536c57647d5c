import { badInput, notFound } from '../../errors/app-error.js';
import { type Invoice } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { assertDateOrder } from '../entity/date-order.js';
import { nextDocumentNumber } from './numbering.js';
import { inTenantTransaction } from './tenant-transaction.js';
import { type IssueInvoiceInput } from './workflow.input.js';

const DAY_MS = 86_400_000;
const DEFAULT_TERM_DAYS = 30;

/**
 * Issues a draft invoice in one tenant transaction: gives it the tenant's next invoice number
 * (gapless: a failed issue gives its number back), sets the issue and due dates, and marks it
 * ISSUED. Only a DRAFT is issued, so issuing twice is refused.
 */
export function issueInvoice(db: TenantDb, id: string, input: IssueInvoiceInput): Promise<Invoice> {
  return inTenantTransaction(db, async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id } });
    if (!invoice) {
      throw notFound('Invoice', id);
    }
    if (invoice.status !== 'DRAFT') {
      throw badInput(`invoice ${invoice.number} is ${invoice.status}; only a draft is issued`, 'id');
    }
    const issuedOn = input.issuedOn ?? invoice.issuedOn ?? new Date(new Date().toISOString().slice(0, 10));
    const dueOn = input.dueOn ?? invoice.dueOn ?? new Date(issuedOn.getTime() + DEFAULT_TERM_DAYS * DAY_MS);
    assertDateOrder({ issuedOn, dueOn }, 'issuedOn', 'dueOn');
    const number = await nextDocumentNumber(tx, invoice.tenantId, 'invoice', issuedOn);
    const issued = await tx.invoice.updateMany({ where: { id, status: 'DRAFT' }, data: { number, status: 'ISSUED', issuedOn, dueOn } });
    if (issued.count === 0) {
      throw badInput(`invoice ${invoice.number} was issued meanwhile`, 'id');
    }
    return tx.invoice.findUniqueOrThrow({ where: { id } });
  });
}
