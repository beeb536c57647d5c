import { type InvoiceStatus, type PaymentMethod, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type ContractInfo } from './contracts.js';
import { centsToDecimal, splitCents } from './money.js';
import { assignNumbers } from './numbering.js';
import { addDays, dateOnly, earlier, later } from './time.js';
import { digits } from './text.js';

interface InvoicePlan {
  id: string;
  number: string;
  contract: ContractInfo;
  amountCents: number;
  status: InvoiceStatus;
  issuedOn: Date;
  dueOn: Date;
}

/**
 * Invoices for every signed contract, summing exactly to its value: usually a 30 % deposit on
 * signing plus the balance a month before the event, sometimes one invoice for everything. Paid
 * invoices have payments summing to their amount, partially paid ones less; a deposit is always
 * paid, so every signed contract has at least one payment.
 */
export function buildInvoicesAndPayments(
  ctx: SeedContext,
  contracts: readonly ContractInfo[],
): { invoices: Prisma.InvoiceCreateManyInput[]; payments: Prisma.PaymentCreateManyInput[] } {
  const plans = contracts.flatMap((contract) => planInvoices(ctx, contract));
  // Only issued invoices carry a number of the gapless series; issueInvoice numbers the drafts.
  assignNumbers(plans.filter((invoice) => invoice.status !== 'DRAFT'), 'INV', (invoice) => invoice.issuedOn);
  plans.filter((invoice) => invoice.status === 'DRAFT').forEach((invoice, index) => {
    invoice.number = `DRAFT-${String(index + 1).padStart(4, '0')}`;
  });
  const payments = plans.flatMap((invoice) => paymentsFor(ctx, invoice));
  const paidCents = new Map<string, number>();
  for (const payment of payments) {
    paidCents.set(payment.invoiceId, (paidCents.get(payment.invoiceId) ?? 0) + Math.round(Number(payment.amount) * 100));
  }
  const invoices = plans.map((invoice): Prisma.InvoiceCreateManyInput => {
    const issued = invoice.status !== 'DRAFT';
    const createdAt = issued ? invoice.issuedOn : earlier(addDays(invoice.contract.startsOn, 1), ctx.anchor);
    const paidAt = payments.filter((p) => p.invoiceId === invoice.id).map((p) => p.receivedAt as Date);
    return {
      id: invoice.id,
      tenantId: ctx.tenantId,
      accountId: invoice.contract.accountId,
      contractId: invoice.contract.id,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.contract.currency,
      amount: centsToDecimal(invoice.amountCents),
      paidAmount: centsToDecimal(paidCents.get(invoice.id) ?? 0),
      issuedOn: issued ? invoice.issuedOn : null,
      dueOn: invoice.dueOn,
      createdAt,
      updatedAt: paidAt.reduce(later, createdAt),
    };
  });
  return { invoices, payments };
}

function planInvoices(ctx: SeedContext, contract: ContractInfo): InvoicePlan[] {
  const { rng, anchor } = ctx;
  if (contract.status === 'DRAFT' || !contract.signedAt) {
    return [];
  }
  const plan = (amountCents: number, status: InvoiceStatus, issuedOn: Date, dueDays: number): InvoicePlan => ({
    id: ctx.ids.next('invoices'), number: '', contract, amountCents, status, issuedOn,
    dueOn: dateOnly(addDays(issuedOn, dueDays)),
  });
  const signed = dateOnly(contract.signedAt);
  if (contract.status === 'EXPIRED' && rng.chance(0.4)) {
    return [plan(contract.valueCents, 'PAID', signed, 30)];
  }
  const [deposit = 0, balance = 0] = splitCents(contract.valueCents, [30, 70]);
  const balanceIssued = dateOnly(later(
    contract.event ? addDays(contract.event.startsAt, -30) : addDays(contract.startsOn, 60),
    addDays(signed, 1),
  ));
  const due = addDays(balanceIssued, 30);
  let status: InvoiceStatus;
  if (contract.status === 'TERMINATED') {
    status = 'VOID';
  } else if (contract.status === 'EXPIRED') {
    status = rng.weighted<InvoiceStatus>([['PAID', 8], ['OVERDUE', 1], ['PARTIALLY_PAID', 1]]);
  } else if (balanceIssued.getTime() > anchor.getTime()) {
    status = 'DRAFT';
  } else if (due.getTime() < anchor.getTime()) {
    status = rng.weighted<InvoiceStatus>([['PAID', 7], ['OVERDUE', 2], ['PARTIALLY_PAID', 2]]);
  } else {
    status = rng.weighted<InvoiceStatus>([['ISSUED', 5], ['PARTIALLY_PAID', 2], ['PAID', 2]]);
  }
  return [plan(deposit, 'PAID', signed, 14), plan(balance, status, balanceIssued, 30)];
}

function paymentsFor(ctx: SeedContext, invoice: InvoicePlan): Prisma.PaymentCreateManyInput[] {
  const { rng } = ctx;
  let parts: number[] = [];
  if (invoice.status === 'PAID') {
    parts = rng.chance(0.75) ? [invoice.amountCents] : splitCents(invoice.amountCents, [60, 40]);
  } else if (invoice.status === 'PARTIALLY_PAID') {
    const share = rng.int(30, 70);
    parts = splitCents(invoice.amountCents, [share, 100 - share]).slice(0, 1);
  }
  // Money arrives after the invoice is issued, by a few days after the due date, never in the future.
  const last = earlier(addDays(invoice.dueOn, 10), addDays(ctx.anchor, -1));
  const spanDays = Math.max(1, (last.getTime() - invoice.issuedOn.getTime()) / 86_400_000);
  let previous = invoice.issuedOn;
  return parts.map((amountCents): Prisma.PaymentCreateManyInput => {
    const method = rng.weighted<PaymentMethod>([
      ['BANK_TRANSFER', 6], ['CARD', 3], ['CHECK', invoice.contract.currency === 'USD' ? 1 : 0],
      ['CASH', amountCents < 500_000 ? 1 : 0], ['OTHER', 0.3],
    ]);
    const receivedAt = addDays(previous, 0.5 + rng.float() * (spanDays / parts.length));
    previous = receivedAt;
    return {
      id: ctx.ids.next('payments'),
      tenantId: ctx.tenantId,
      invoiceId: invoice.id,
      amount: centsToDecimal(amountCents),
      currency: invoice.contract.currency,
      method,
      reference: referenceFor(ctx, method),
      receivedAt,
      createdAt: receivedAt,
    };
  });
}

function referenceFor(ctx: SeedContext, method: PaymentMethod): string | null {
  switch (method) {
    case 'BANK_TRANSFER':
      return `TRF-${digits(ctx.rng, 10)}`;
    case 'CARD':
      return `ch_${digits(ctx.rng, 14)}`;
    case 'CHECK':
      return `CHK ${digits(ctx.rng, 6)}`;
    default:
      return null;
  }
}
