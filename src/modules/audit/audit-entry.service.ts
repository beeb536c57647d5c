import { type ControlClient } from '../../control/control-client.js';
import { badInput } from '../../errors/app-error.js';
import { type AuditLog, type Prisma } from '../../generated/control/client.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { pageSize } from '../../graphql/pagination/paginate.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { type AuditEntryObject } from './audit-entry.type.js';
import { type AuditLogArgs } from './audit-entry.input.js';

function whereOf(tenantId: string, filter: AuditLogArgs['filter']): Prisma.AuditLogWhereInput {
  if (filter?.since && filter.until && filter.since >= filter.until) {
    throw badInput('filter.until must be after filter.since', 'filter.until');
  }
  return {
    tenantId,
    ...(filter?.userId ? { actorUserId: filter.userId } : {}),
    ...(filter?.operation ? { operation: filter.operation } : {}),
    ...(filter?.targetType ? { targetType: filter.targetType } : {}),
    ...(filter?.targetId ? { targetId: filter.targetId } : {}),
    ...(filter?.since || filter?.until
      ? { createdAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } }
      : {}),
  };
}

function toEntry(row: AuditLog): AuditEntryObject {
  return { ...row, id: row.id.toString() };
}

/**
 * A page of one tenant's audit trail, newest first (by row id, the order rows were written). The
 * tenant comes from the caller's principal and is part of every query, so no filter or cursor can
 * reach another tenant's rows. The trail is counted only when `countTotal` (the client selected `totalCount`).
 */
export async function listAuditEntries(control: ControlClient, tenantId: string, args: AuditLogArgs, countTotal: boolean): Promise<Page<AuditEntryObject>> {
  const size = pageSize(args.first);
  const where = whereOf(tenantId, args.filter);
  const paged = args.after ? { AND: [where, { id: { lt: decodeAuditCursor(args.after) } }] } : where;
  const [rows, totalCount] = await Promise.all([
    control.auditLog.findMany({ where: paged, orderBy: { id: 'desc' }, take: size + 1 }),
    countTotal ? control.auditLog.count({ where }) : undefined,
  ]);
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeAuditCursor(row.id), node: toEntry(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, ...(totalCount === undefined ? {} : { totalCount }) };
}
