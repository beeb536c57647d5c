import { type LeadSource, type LeadStatus, type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { addDays, earlier } from './time.js';
import { slugify } from './text.js';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary.js';

const LEAD_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED'];
const SCORE_RANGE: Readonly<Record<LeadStatus, readonly [number, number]>> = {
  NEW: [5, 40], CONTACTED: [20, 60], QUALIFIED: [55, 90], CONVERTED: [70, 100], DISQUALIFIED: [0, 25],
};
const LEAD_SOURCES = [
  ['WEB', 4], ['REFERRAL', 3], ['EVENT', 2], ['OUTBOUND', 2], ['PARTNER', 1], ['OTHER', 1],
] as const satisfies readonly (readonly [LeadSource, number])[];
/** Leads, plus which converted lead belongs to which account. */
export interface LeadsResult {
  rows: Prisma.LeadCreateManyInput[];
  convertedLeadByAccount: Map<string, string>;
}

/** 30–42 leads covering every status; converted ones point at a real account. */
export function buildLeads(
  ctx: SeedContext,
  accounts: readonly AccountInfo[],
  spareNames: readonly string[],
): LeadsResult {
  const { rng } = ctx;
  const count = rng.int(30, 42);
  const statuses = rng.shuffle([
    ...LEAD_STATUSES,
    ...Array.from({ length: count - LEAD_STATUSES.length }, () =>
      rng.weighted<LeadStatus>([['NEW', 3], ['CONTACTED', 3], ['QUALIFIED', 2], ['CONVERTED', 2], ['DISQUALIFIED', 1]]),
    ),
  ]);
  const convertTargets = rng.shuffle(accounts);
  const convertedLeadByAccount = new Map<string, string>();
  const rows = statuses.map((status, index): Prisma.LeadCreateManyInput => {
    const id = ctx.ids.next('leads');
    const target =
      status === 'CONVERTED' ? convertTargets[convertedLeadByAccount.size % convertTargets.length] : undefined;
    if (target) {
      convertedLeadByAccount.set(target.id, id);
    }
    const company = target?.name ?? (rng.chance(0.9) ? spareNames[index % spareNames.length] ?? null : null);
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const domain = target?.domain ?? (company ? `${slugify(company, '')}.${ctx.flavour.tld}` : 'example.net');
    // A converted lead predates the account it became.
    const createdAt = target
      ? addDays(target.createdAt, -rng.int(5, 60))
      : addDays(ctx.anchor, -rng.int(1, 330) - rng.float());
    const [minScore, maxScore] = SCORE_RANGE[status];
    return {
      id,
      tenantId: ctx.tenantId,
      firstName,
      lastName,
      email: rng.chance(0.9) ? `${slugify(firstName, '')}.${slugify(lastName, '')}@${domain}` : null,
      company,
      source: rng.weighted(LEAD_SOURCES),
      status,
      score: rng.int(minScore, maxScore),
      ownerId: target?.ownerId ?? ctx.person(),
      convertedAccountId: target?.id ?? null,
      createdAt,
      updatedAt: earlier(addDays(createdAt, rng.int(0, 45)), ctx.anchor),
    };
  });
  return { rows, convertedLeadByAccount };
}
