import { groupByKey } from '../../graphql/loaders.js';
import { decodeCursor } from '../../graphql/pagination/cursor.js';
import { orderingOf, pageOf } from '../../graphql/pagination/keyset.js';
import { type EntityRow } from '../entity/entity-delegate.js';
import { type RelationReader } from '../entity/relation-page.js';
import { likeEscaped } from '../entity/sql-like.js';
import { type AttachmentFilter, type AttachmentSubjectType } from './attachment.input.js';

/** Each field of an attachment row and its column; the statement returns rows as Prisma would. */
const COLUMNS = {
  id: 'id',
  tenantId: 'tenant_id',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
  storageKey: 'storage_key',
  sha256: 'sha256',
  uploadedById: 'uploaded_by_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

/** The sortable fields (none nullable) and their column types, for the cursor's parameter. */
const SORT_TYPES: Readonly<Record<string, string>> = { fileName: 'text', sizeBytes: 'bigint', createdAt: 'timestamptz' };

const SELECT = Object.entries(COLUMNS)
  .map(([field, column]) => `t.${column} AS "${field}"`)
  .join(', ');

/** Numbered statement parameters, each with its cast. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value);
    return `$${this.values.length}::${cast}`;
  }
}


/** The filter's conditions on `t`, after the tenant, subject type and parent conditions. */
function filterSql(filter: AttachmentFilter | null, params: Parameters): string[] {
  const conditions: string[] = [];
  if (filter?.search) {
    conditions.push(`t.file_name ILIKE ${params.add(`%${likeEscaped(filter.search)}%`, 'text')}`);
  }
  if (filter?.contentType) {
    conditions.push(`t.content_type = ${params.add(filter.contentType, 'text')}`);
  }
  if (filter?.subjectType) {
    conditions.push(`t.subject_type = ${params.add(filter.subjectType, 'text')}`);
  }
  if (filter?.subjectId) {
    conditions.push(`t.subject_id = ${params.add(filter.subjectId, 'uuid')}`);
  }
  return conditions;
}

type AttachmentRow = EntityRow & { subjectId: string };

interface CountRow {
  subjectId: string;
  total: bigint;
}

/**
 * Pages of the files attached to a batch of records of one subject type. Attachments point at
 * their record by `(subject_type, subject_id)`, not by a foreign key Prisma could join, so the page
 * is one SQL statement of ours: a LATERAL subquery per parent id, limited in the database, in the
 * tenant given (the caller's), in a transaction as raw statements must be on a tenant client.
 */
export function attachmentsOf(subjectType: AttachmentSubjectType): RelationReader {
  return async (db, tenantId, parentIds, query) => {
    const params = new Parameters();
    const ids = params.add([...parentIds], 'uuid[]');
    const scope = [`t.tenant_id = ${params.add(tenantId, 'uuid')}`, `t.subject_type = ${params.add(subjectType, 'text')}`];
    const filtered = [...scope, ...filterSql(query.filter as AttachmentFilter | null, params)];
    const countParameters = params.values.length;
    const { field, direction } = query.order;
    const column = COLUMNS[field as keyof typeof COLUMNS];
    const keyset: string[] = [];
    if (query.after) {
      const position = decodeCursor(query.after, orderingOf(query.order));
      keyset.push(`(t.${column}, t.id) ${direction === 'asc' ? '>' : '<'} (${params.add(position.value, SORT_TYPES[field] ?? 'text')}, ${params.add(position.id, 'uuid')})`);
    }
    const pageSql = `SELECT page.* FROM unnest(${ids}) AS parent(id) CROSS JOIN LATERAL (
      SELECT ${SELECT} FROM attachments t WHERE ${[...filtered, ...keyset, 't.subject_id = parent.id'].join(' AND ')}
      ORDER BY t.${column} ${direction}, t.id ${direction} LIMIT ${query.size + 1}) page`;
    const countSql = `SELECT t.subject_id AS "subjectId", count(*) AS total FROM attachments t
      WHERE ${[...filtered, `t.subject_id = ANY(${ids})`].join(' AND ')} GROUP BY t.subject_id`;
    const [rows, counts] = await db.$transaction(async (tx) => [
      await tx.$queryRawUnsafe<AttachmentRow[]>(pageSql, ...params.values),
      query.countTotal ? await tx.$queryRawUnsafe<CountRow[]>(countSql, ...params.values.slice(0, countParameters)) : [],
    ]);
    const totals = new Map(counts.map((row) => [row.subjectId, Number(row.total)]));
    const pages = groupByKey(parentIds, rows, (row) => row.subjectId);
    return parentIds.map((id, i) => pageOf(pages[i] ?? [], query.size, query.order, query.countTotal ? (totals.get(id) ?? 0) : undefined));
  };
}
