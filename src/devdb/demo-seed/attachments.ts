import { type Prisma } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { sha256Hex } from './ids.js';
import { addDays } from './time.js';
import { ATTACHMENT_KINDS } from './vocabulary.js';

/** Ids of the rows attachments can be filed under, keyed by table name (the `subject_type`). */
export type AttachmentSubjects = Readonly<Record<'events' | 'contracts' | 'quotes' | 'accounts', readonly string[]>>;

/** Which kinds of file (by name stem) belong on which table. */
const STEMS_BY_SUBJECT: Readonly<Record<keyof AttachmentSubjects, readonly string[]>> = {
  events: ['floor-plan', 'site-visit', 'run-of-show', 'guest-list'],
  contracts: ['signed-contract'],
  quotes: ['quote'],
  accounts: ['logo', 'brief'],
};

/**
 * 20–32 attachment metadata rows pointing at real records. The bytes would live in object storage
 * under `storage_key`; the checksum is a stand-in derived from the id, since there is no file.
 */
export function buildAttachments(ctx: SeedContext, subjects: AttachmentSubjects): Prisma.AttachmentCreateManyInput[] {
  const { rng } = ctx;
  const subjectTypes = (Object.keys(STEMS_BY_SUBJECT) as (keyof AttachmentSubjects)[])
    .filter((type) => subjects[type].length > 0);
  return Array.from({ length: rng.int(20, 32) }, (): Prisma.AttachmentCreateManyInput => {
    const subjectType = rng.weighted(subjectTypes.map((type) => [type, type === 'events' ? 3 : 1] as const));
    const subjectId = rng.pick(subjects[subjectType]);
    const stem = rng.pick(STEMS_BY_SUBJECT[subjectType]);
    const [, ext, contentType, minBytes, maxBytes] =
      ATTACHMENT_KINDS.find(([kind]) => kind === stem) ?? ATTACHMENT_KINDS[0];
    const fileName = `${stem}${rng.chance(0.3) ? `-v${rng.int(2, 4)}` : ''}.${ext}`;
    const id = ctx.ids.next('attachments');
    return {
      id,
      tenantId: ctx.tenantId,
      subjectType,
      subjectId,
      fileName,
      contentType,
      sizeBytes: BigInt(rng.int(minBytes, maxBytes)),
      storageKey: `tenants/${ctx.tenantId}/${subjectType}/${subjectId}/${id}/${fileName}`,
      sha256: sha256Hex(`demo-attachment:${id}`),
      uploadedById: ctx.person(),
      createdAt: addDays(ctx.anchor, -rng.int(1, 300) - rng.float()),
    };
  });
}
