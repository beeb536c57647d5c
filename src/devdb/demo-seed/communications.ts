import { type CommunicationChannel, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { addDays } from './time.js';
import { COMMUNICATION_BODIES, COMMUNICATION_SUBJECTS } from './vocabulary.js';

/**
 * 40–60 emails, calls, meetings and texts over the last eight months: most with a contact at an
 * account, the rest with leads. Calls and texts have no subject line, as in a phone log.
 */
export function buildCommunications(
  ctx: SeedContext,
  accounts: readonly AccountInfo[],
  leadIds: readonly string[],
): Prisma.CommunicationCreateManyInput[] {
  const { rng } = ctx;
  return Array.from({ length: rng.int(40, 60) }, (): Prisma.CommunicationCreateManyInput => {
    const channel = rng.weighted<CommunicationChannel>([['EMAIL', 5], ['CALL', 3], ['MEETING', 2], ['SMS', 1]]);
    const withLead = rng.chance(0.3);
    const account = rng.pick(accounts);
    const occurredAt = addDays(ctx.anchor, -rng.int(0, 240) - rng.float());
    const titled = channel === 'EMAIL' || channel === 'MEETING';
    return {
      id: ctx.ids.next('communications'),
      tenantId: ctx.tenantId,
      channel,
      direction: rng.chance(channel === 'MEETING' ? 0.2 : 0.45) ? 'INBOUND' : 'OUTBOUND',
      subject: titled ? rng.pick(COMMUNICATION_SUBJECTS) : null,
      body: rng.chance(0.85) ? rng.pick(COMMUNICATION_BODIES) : null,
      occurredAt,
      userId: ctx.person(),
      accountId: withLead ? null : account.id,
      contactId: withLead ? null : rng.pick(account.contactIds),
      leadId: withLead ? rng.pick(leadIds) : null,
      createdAt: occurredAt,
    };
  });
}
