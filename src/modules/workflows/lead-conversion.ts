import { badInput, notFound } from '../../errors/app-error.js';
import { type Lead } from '../../generated/tenant/client.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { type ConvertLeadInput } from './workflow.input.js';
import { inTenantTransaction, type TenantTx } from './tenant-transaction.js';

async function accountFor(tx: TenantTx, lead: Lead, input: ConvertLeadInput): Promise<string> {
  if (input.accountId) {
    if (!(await tx.account.findUnique({ where: { id: input.accountId }, select: { id: true } }))) {
      throw badInput('accountId must be the id of an account of this tenant', 'accountId');
    }
    return input.accountId;
  }
  const name = input.accountName?.trim() || lead.company || `${lead.firstName} ${lead.lastName}`;
  const account = await tx.account.create({ data: { tenantId: lead.tenantId, name, ownerId: lead.ownerId } });
  return account.id;
}

/** The lead's person as a contact of the account: an existing contact with the lead's email is reused. */
async function contactFor(tx: TenantTx, lead: Lead, accountId: string): Promise<string> {
  const existing = lead.email ? await tx.contact.findFirst({ where: { email: lead.email.toLowerCase() }, select: { id: true } }) : null;
  const contactId =
    existing?.id ??
    (await tx.contact.create({ data: { tenantId: lead.tenantId, firstName: lead.firstName, lastName: lead.lastName, email: lead.email?.toLowerCase() ?? null, ownerId: lead.ownerId } })).id;
  const hasPrimary = await tx.accountContact.count({ where: { accountId, isPrimary: true } });
  await tx.accountContact.upsert({
    where: { tenantId_accountId_contactId: { tenantId: lead.tenantId, accountId, contactId } },
    create: { tenantId: lead.tenantId, accountId, contactId, isPrimary: hasPrimary === 0 },
    update: {},
  });
  return contactId;
}

/**
 * Converts a lead in one tenant transaction: claims it (a second conversion, even a concurrent
 * one, finds it CONVERTED and is refused), creates or links the account, creates or reuses the
 * contact, optionally opens an opportunity, and records what the lead became. Any failure rolls
 * every step back.
 */
export function convertLead(db: TenantDb, id: string, input: ConvertLeadInput): Promise<Lead> {
  return inTenantTransaction(db, async (tx) => {
    const claimed = await tx.lead.updateMany({ where: { id, status: { not: 'CONVERTED' } }, data: { status: 'CONVERTED' } });
    const lead = await tx.lead.findUnique({ where: { id } });
    if (!lead) {
      throw notFound('Lead', id);
    }
    if (claimed.count === 0) {
      throw badInput(`lead ${id} is already converted; a lead converts once`, 'id');
    }
    const accountId = await accountFor(tx, lead, input);
    const contactId = await contactFor(tx, lead, accountId);
    const deal = input.opportunity;
    const opportunity = deal
      ? await tx.opportunity.create({
          data: {
            tenantId: lead.tenantId,
            accountId,
            leadId: lead.id,
            name: deal.name.trim(),
            amount: deal.amount,
            currency: deal.currency ?? undefined,
            stage: deal.stage ?? 'QUALIFICATION',
            ownerId: lead.ownerId,
          },
        })
      : null;
    return tx.lead.update({
      where: { id },
      data: { convertedAccountId: accountId, convertedContactId: contactId, convertedOpportunityId: opportunity?.id ?? null },
    });
  });
}
