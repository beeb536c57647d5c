import { badInput } from '../../errors/app-error.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { typedRow } from '../entity/typed-row.js';
import { prismaRow } from './search-row.js';
import { SEARCH_STATEMENT, SEARCHED_TABLES, searchParameters } from './search-statement.js';
import { type SearchHit } from './search.type.js';

export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_RESULTS = 50;

interface RankedRow {
  type_name: string;
  matched: string;
  score: number;
  row: Record<string, unknown>;
}

/**
 * The command palette's search: one statement over accounts, contacts, leads, opportunities and
 * events (see `search-statement.ts`), ranked and limited in the database. The statement is raw SQL,
 * which a tenant client only routes inside a transaction (model operations are bound one by one),
 * so it runs in one; its tenant filter is the caller's own tenant id, in every branch.
 */
export async function search(db: TenantDb, tenantId: string, text: string, first: number): Promise<SearchHit[]> {
  const query = text.trim().toLowerCase();
  if (query.length < SEARCH_MIN_LENGTH || query.length > 100) {
    throw badInput(`text must be ${SEARCH_MIN_LENGTH} to 100 characters`, 'text');
  }
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_RESULTS) {
    throw badInput(`first must be between 1 and ${SEARCH_MAX_RESULTS}`, 'first');
  }
  const rows = await db.$transaction((tx) => tx.$queryRawUnsafe<RankedRow[]>(SEARCH_STATEMENT, ...searchParameters(tenantId, query, first)));
  return rows.map(({ type_name: typeName, matched, score, row }) => {
    const table = SEARCHED_TABLES.find((searched) => searched.typeName === typeName);
    if (!table) {
      throw new Error(`search returned an unknown type ${typeName}`);
    }
    return { node: typedRow(typeName, prismaRow(table, row)), matched, score };
  });
}
