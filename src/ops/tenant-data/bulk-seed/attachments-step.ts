import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { ATTACHMENT_KINDS } from '../../../devdb/demo-seed/vocabulary.js';
import { otherAccount } from './crm-formulas.js';
import { type InsertStep } from './insert-step.js';
import { type StepScope } from './step-scope.js';
import { between, literal, weighted } from './sql-random.js';

/** Tables attachments are filed under (their `subject_type`), and how often. */
const SUBJECTS = [['events', 3], ['contracts', 1], ['quotes', 1], ['accounts', 1]] as const satisfies readonly (readonly [SeedTable, number])[];
type Subject = (typeof SUBJECTS)[number][0];

/** Which of the demo seed's kinds of file (by name stem) belong on which table. */
const STEMS: Readonly<Record<Subject, readonly string[]>> = {
  events: ['floor-plan', 'site-visit', 'run-of-show', 'guest-list'], contracts: ['signed-contract'], quotes: ['quote'], accounts: ['logo', 'brief'],
};

/** The kinds of file on `subject` as parallel lists: name stem, extension, content type, smallest and largest size. */
function fileKinds(subject: Subject) {
  const kinds = STEMS[subject].map((stem) => ATTACHMENT_KINDS.find(([kind]) => kind === stem) ?? ATTACHMENT_KINDS[0]);
  return {
    stems: kinds.map((kind) => kind[0]),
    extensions: kinds.map((kind) => kind[1]),
    contentTypes: kinds.map((kind) => kind[2]),
    minBytes: kinds.map((kind) => kind[3]),
    maxBytes: kinds.map((kind) => kind[4]),
  };
}

/**
 * Attachment metadata: floor plans and guest lists on events, signed contracts, quote PDFs, logos
 * and briefs on accounts, each pointing at a row of its table (the key account's for the first
 * rows). The bytes would be in object storage under `storage_key`; the checksum stands in for them.
 */
export function attachmentsStep(scope: StepScope): InsertStep {
  const { shape } = scope.run;
  const forKey = `i < ${shape.key.attachments}`;
  // A table that got no rows (quotes and contracts in a tiny seed) has nothing to attach to.
  const subjects = SUBJECTS.filter(([table]) => table === 'accounts' || scope.count(table) > 0);
  const row = scope.r('attachment.subject.row');
  const subjectId = subjects.map(([table]) => {
    const index = table === 'accounts' ? `CASE WHEN ${forKey} THEN 0::bigint ELSE ${otherAccount(scope, row)} END` : scope.rowOf(table, row, forKey);
    return `WHEN '${table}' THEN ${scope.id(table, index)}`;
  });
  const bySubject = (sql: (table: Subject) => string) => `CASE subject_type ${subjects.map(([table]) => `WHEN '${table}' THEN ${sql(table)}`).join(' ')} END`;
  const text = (list: 'stems' | 'extensions' | 'contentTypes') => bySubject((table) => `(${scope.text(fileKinds(table)[list])})[kind]`);
  const bytes = (list: 'minBytes' | 'maxBytes') => bySubject((table) => `(${scope.ints(fileKinds(table)[list])})[kind]`);
  return {
    table: 'attachments',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.attachments - 1}) AS g(i)`,
    values: [
      { subject_type: weighted(scope.r('attachment.subject'), subjects.map(([table, weight]) => [literal(table), weight] as const)) },
      {
        subject_id: `CASE subject_type ${subjectId.join(' ')} END`,
        kind: `1 + floor(${scope.r('attachment.kind')} * ${bySubject((table) => String(STEMS[table].length))})::int`,
      },
      { file_name: `${text('stems')} || CASE WHEN ${scope.r('attachment.version')} < 0.3 THEN '-v' || ${between(scope.r('attachment.version.number'), 2, 4)} ELSE '' END || '.' || ${text('extensions')}` },
    ],
    columns: {
      id: scope.id('attachments', 'i'),
      tenant_id: scope.tenant,
      subject_type: 'subject_type',
      subject_id: 'subject_id',
      file_name: 'file_name',
      content_type: text('contentTypes'),
      size_bytes: between(scope.r('attachment.size'), bytes('minBytes'), bytes('maxBytes')),
      storage_key: `'tenants/' || ${scope.tenant} || '/' || subject_type || '/' || subject_id || '/' || ${scope.id('attachments', 'i')} || '/' || file_name`,
      sha256: `encode(sha256(convert_to(${scope.id('attachments', 'i')}::text, 'UTF8')), 'hex')`,
      uploaded_by_id: scope.member(scope.r('attachment.uploader')),
      created_at: scope.daysAgo(1200, scope.r('attachment.created')),
      updated_at: scope.daysAgo(1200, scope.r('attachment.created')),
    },
  };
}

