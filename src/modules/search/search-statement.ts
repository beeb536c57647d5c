import { likeEscaped } from '../entity/sql-like.js';

/** One searchable table: its GraphQL type, its text columns (each with a trigram index) and its typed columns. */
export interface SearchedTable {
  typeName: 'Account' | 'Contact' | 'Lead' | 'Opportunity' | 'Event';
  table: string;
  columns: readonly string[];
  /** `numeric` columns: the row's JSON carries them as exact strings. */
  decimals: readonly string[];
  /** `timestamptz` and `date` columns: the row's JSON carries them as ISO 8601 strings. */
  dates: readonly string[];
}

const STAMPS = ['created_at', 'updated_at'] as const;

export const SEARCHED_TABLES: readonly SearchedTable[] = [
  { typeName: 'Account', table: 'accounts', columns: ['name'], decimals: ['annual_revenue'], dates: STAMPS },
  { typeName: 'Contact', table: 'contacts', columns: ['first_name', 'last_name', 'email'], decimals: [], dates: STAMPS },
  { typeName: 'Lead', table: 'leads', columns: ['first_name', 'last_name', 'email', 'company'], decimals: [], dates: STAMPS },
  { typeName: 'Opportunity', table: 'opportunities', columns: ['name'], decimals: ['amount'], dates: [...STAMPS, 'expected_close_date'] },
  { typeName: 'Event', table: 'events', columns: ['name'], decimals: ['budget'], dates: STAMPS },
];

/**
 * How well one column matched the lowered text ($5): the whole value 1, its start ($3) 0.8, the
 * start of a word ($4) 0.6, inside a word 0.4.
 */
const SCORE = `CASE WHEN lower(v) = $5 THEN 1.0 WHEN v ILIKE $3 THEN 0.8 WHEN v ~* $4 THEN 0.6 ELSE 0.4 END`;

/**
 * One table's matches: the `ILIKE` on each text column is what its trigram index serves (OR-ed
 * indexes become one BitmapOr), `tenant_id` keeps the branch to the asking tenant, and the lateral
 * picks the best-matching column of each row. Money goes into the row's JSON as text, never as a float.
 */
function branch({ typeName, table, columns, decimals }: SearchedTable): string {
  const exact = decimals.map((column) => `'${column}', t.${column}::text`).join(', ');
  const row = decimals.length ? `to_jsonb(t) || jsonb_build_object(${exact})` : 'to_jsonb(t)';
  const values = columns.map((column) => `(t.${column})`).join(', ');
  const matches = columns.map((column) => `t.${column} ILIKE $2`).join(' OR ');
  return `SELECT '${typeName}' AS type_name, best.v AS matched, best.score, similarity(best.v, $5) AS closeness, ${row} AS row
    FROM ${table} t
    CROSS JOIN LATERAL (SELECT v, ${SCORE} AS score FROM (VALUES ${values}) AS f(v) WHERE v ILIKE $2 ORDER BY 2 DESC, v LIMIT 1) best
    WHERE t.tenant_id = $1::uuid AND (${matches})`;
}

/**
 * The whole search as one statement: every table's matches side by side (`UNION ALL`), ranked by
 * score, then trigram similarity (the closer, usually shorter, value first), then the value, and
 * cut to `first` ($6) in the database, so the best matches are never lost to a per-table limit.
 * Parameters: tenant id, contains pattern, prefix pattern, word-start regex, lowered text, limit.
 */
export const SEARCH_STATEMENT = `SELECT type_name, matched, score::float8 AS score, row
  FROM (${SEARCHED_TABLES.map(branch).join('\n  UNION ALL\n  ')}) hits
  ORDER BY score DESC, closeness DESC, lower(matched), row->>'id'
  LIMIT $6`;

/** In a Postgres advanced regex a backslash before any non-alphanumeric character makes it literal. */
const regexEscaped = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '\\$&');

/** The parameters of {@link SEARCH_STATEMENT} for one tenant, text (trimmed, lowered) and limit. */
export function searchParameters(tenantId: string, text: string, first: number): [string, string, string, string, string, number] {
  return [tenantId, `%${likeEscaped(text)}%`, `${likeEscaped(text)}%`, `(^|[^[:alnum:]])${regexEscaped(text)}`, text, first];
}
