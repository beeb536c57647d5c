import { type TenantTx } from './tenant-transaction.js';

/** The documents numbered per tenant, the prefix of their numbers and where those are stored. */
export const NUMBERED = {
  invoice: { prefix: 'INV', model: 'invoice' },
  contract: { prefix: 'C', model: 'contract' },
} as const;

type Numbered = keyof typeof NUMBERED;

/** The highest sequence number already used, e.g. 42 for `INV-2026-0042` (numbers made before the counter). */
async function highestUsed(tx: TenantTx, kind: Numbered): Promise<number> {
  const { prefix, model } = NUMBERED[kind];
  const where = { number: { startsWith: `${prefix}-` } };
  const rows = model === 'invoice'
    ? await tx.invoice.findMany({ where, select: { number: true } })
    : await tx.contract.findMany({ where, select: { number: true } });
  return rows.reduce((max, row) => Math.max(max, Number(/-(\d+)$/.exec(row.number)?.[1] ?? 0)), 0);
}

/**
 * The next document number of the tenant, e.g. `INV-2027-0043`: gapless and unique under
 * concurrency. The counter row is incremented inside the caller's transaction, so it stays locked
 * until that commits (concurrent numbering waits its turn) and a rollback gives the number back.
 * The first use starts the counter after the highest number already in the table.
 */
export async function nextDocumentNumber(tx: TenantTx, tenantId: string, kind: Numbered, at: Date = new Date()): Promise<string> {
  const key = { tenantId_name: { tenantId, name: kind } };
  if (!(await tx.numberSequence.findUnique({ where: key }))) {
    await tx.numberSequence.createMany({ data: [{ tenantId, name: kind, lastValue: await highestUsed(tx, kind) }], skipDuplicates: true });
  }
  const { lastValue } = await tx.numberSequence.update({ where: key, data: { lastValue: { increment: 1 } } });
  return `${NUMBERED[kind].prefix}-${at.getUTCFullYear()}-${String(lastValue).padStart(4, '0')}`;
}
