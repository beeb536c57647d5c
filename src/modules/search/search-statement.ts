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
 * One table's matches, ranked but without their rows: the `ILIKE` on each text column is what its
 * trigram index serves (OR-ed indexes become one BitmapOr), `tenant_id` keeps the branch to the
 * asking tenant, and the lateral picks the best-matching column of each row.
 */
function branch({ typeName, table, columns }: SearchedTable): string {
  const values = columns.map((column) => `(t.${column})`).join(', ');
  const matches = columns.map((column) => `t.${column} ILIKE $2`).join(' OR ');
  return `SELECT '${typeName}' AS type_name, t.id, best.v AS matched, best.score, similarity(best.v, $5) AS closeness
    FROM ${table} t
    CROSS JOIN LATERAL (SELECT v, ${SCORE} AS score FROM (VALUES ${values}) AS f(v) WHERE v ILIKE $2 ORDER BY 2 DESC, v LIMIT 1) best
    WHERE t.tenant_id = $1::uuid AND (${matches})`;
}

/** The row of one of the best matches as JSON; money goes into it as text, never as a float. */
function rowOf({ typeName, table, decimals }: SearchedTable): string {
  const exact = decimals.map((column) => `'${column}', r.${column}::text`).join(', ');
  const row = decimals.length ? `to_jsonb(r) || jsonb_build_object(${exact})` : 'to_jsonb(r)';
  return `WHEN '${typeName}' THEN (SELECT ${row} FROM ${table} r WHERE r.id = best.id AND r.tenant_id = $1::uuid)`;
}

const RANKING = 'score DESC, closeness DESC, lower(matched), id::text';

/**
 * The whole search as one statement: every table's matches side by side (`UNION ALL`), ranked by
 * score, then trigram similarity (the closer, usually shorter, value first), then the value, and
 * cut to `first` ($6) in the database, so the best matches are never lost to a per-table limit.
 * Only those few are then read as rows: a word that many names share (a company that is also the
 * domain of its contacts' emails) matches thousands of rows on a big tenant, and building each
 * one's JSON before the cut cost as much as the ranking itself.
 * Parameters: tenant id, contains pattern, prefix pattern, word-start regex, lowered text, limit.
 */
export const SEARCH_STATEMENT = `SELECT best.type_name, best.matched, best.score::float8 AS score,
    CASE best.type_name ${SEARCHED_TABLES.map(rowOf).join(' ')} END AS row
  FROM (SELECT * FROM (${SEARCHED_TABLES.map(branch).join('\n  UNION ALL\n  ')}) hits ORDER BY ${RANKING} LIMIT $6) best
  ORDER BY ${RANKING}`;

/** In a Postgres advanced regex a backslash before any non-alphanumeric character makes it literal. */
const regexEscaped = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '\\$&');

/** The parameters of {@link SEARCH_STATEMENT} for one tenant, text (trimmed, lowered) and limit. */
export function searchParameters(tenantId: string, text: string, first: number): [string, string, string, string, string, number] {
  return [tenantId, `%${likeEscaped(text)}%`, `${likeEscaped(text)}%`, `(^|[^[:alnum:]])${regexEscaped(text)}`, text, first];
}
