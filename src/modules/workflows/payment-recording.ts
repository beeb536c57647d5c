import { badInput, notFound } from '../../errors/app-error.js';
import { Prisma, type Payment } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { conflict } from '../entity/entity-service.js';
import { type RecordPaymentInput } from './workflow.input.js';
import { inTenantTransaction, type TenantTx } from './tenant-transaction.js';

/** Invoice statuses that accept payments. */
const PAYABLE = ['ISSUED', 'PARTIALLY_PAID', 'OVERDUE'] as const;

/** Why an invoice took no payment: missing, or in a status that accepts none. */
async function refusal(tx: TenantTx, invoiceId: string): Promise<Error> {
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { status: true } });
  if (!invoice) {
    return notFound('Invoice', invoiceId);
  }
  return badInput(`invoice ${invoiceId} is ${invoice.status}; payments are recorded only on issued, partially paid or overdue invoices`, 'invoiceId');
}

/**
 * Records a payment in one tenant transaction. The invoice's paid amount is raised by an atomic
 * `UPDATE … SET paid_amount = paid_amount + $amount` guarded by its status, which also locks the
 * row until commit: concurrent payments on one invoice queue behind each other and none is lost.
 * Over-payment is refused (the whole transaction rolls back); the status becomes PARTIALLY_PAID
 * or PAID.
 */
export function recordPayment(db: TenantDb, invoiceId: string, input: RecordPaymentInput): Promise<Payment> {
  const amount = new Prisma.Decimal(input.amount);
  return inTenantTransaction(db, async (tx) => {
    const raised = await tx.invoice.updateMany({ where: { id: invoiceId, status: { in: [...PAYABLE] } }, data: { paidAmount: { increment: amount } } });
    if (raised.count === 0) {
      throw await refusal(tx, invoiceId);
    }
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    if (invoice.paidAmount.greaterThan(invoice.amount)) {
      const open = invoice.amount.minus(invoice.paidAmount).plus(amount);
      throw badInput(`amount ${amount.toFixed(2)} is more than the ${open.toFixed(2)} ${invoice.currency} still open on invoice ${invoice.number}`, 'amount');
    }
    await tx.invoice.update({ where: { id: invoiceId }, data: { status: invoice.paidAmount.equals(invoice.amount) ? 'PAID' : 'PARTIALLY_PAID' } });
    return tx.payment.create({
      data: {
        tenantId: invoice.tenantId,
        invoiceId,
        amount,
        currency: invoice.currency,
        method: input.method ?? undefined,
        reference: input.reference ?? null,
        receivedAt: input.receivedAt ?? new Date(),
      },
    });
  });
}

/**
 * Deletes a payment and lowers its invoice's paid amount in one tenant transaction; the status
 * falls back to PARTIALLY_PAID, or ISSUED when nothing is paid any more.
 */
export function removePayment(db: TenantDb, id: string, expectedUpdatedAt?: Date | null): Promise<Payment> {
  return inTenantTransaction(db, async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id } });
    if (!payment) {
      throw notFound('Payment', id);
    }
    const guard = expectedUpdatedAt ? { id, updatedAt: expectedUpdatedAt } : { id };
    if ((await tx.payment.deleteMany({ where: guard })).count === 0) {
      throw conflict('Payment', id, payment, expectedUpdatedAt ?? payment.updatedAt);
    }
    const invoice = await tx.invoice.update({ where: { id: payment.invoiceId }, data: { paidAmount: { decrement: payment.amount } } });
    if (invoice.status === 'PAID' || invoice.status === 'PARTIALLY_PAID') {
      await tx.invoice.update({ where: { id: invoice.id }, data: { status: invoice.paidAmount.isZero() ? 'ISSUED' : 'PARTIALLY_PAID' } });
    }
    return payment;
  });
}
