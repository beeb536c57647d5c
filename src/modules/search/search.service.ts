import { badInput } from '../../errors/app-error.js';
import { type TenantDb } from '../../tenancy/tenant-scope.js';
import { delegateOf, type ModelName } from '../entity/entity-delegate.js';
import { textSearch } from '../entity/entity-inputs.js';
import { typedRow } from '../entity/typed-row.js';
import { type SearchHit } from './search.type.js';

/** The searchable models, their GraphQL type and the text columns (each with a trigram index). */
const SEARCHED: readonly { model: ModelName; typeName: string; fields: string[] }[] = [
  { model: 'account', typeName: 'Account', fields: ['name'] },
  { model: 'contact', typeName: 'Contact', fields: ['firstName', 'lastName', 'email'] },
  { model: 'lead', typeName: 'Lead', fields: ['firstName', 'lastName', 'email', 'company'] },
  { model: 'opportunity', typeName: 'Opportunity', fields: ['name'] },
  { model: 'event', typeName: 'Event', fields: ['name'] },
];

export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_RESULTS = 50;

/** How well one text matches: the whole text, its start, the start of a word, or inside a word. */
function scoreOf(text: string, query: string): number {
  const value = text.toLowerCase();
  if (value === query) {
    return 1;
  }
  if (value.startsWith(query)) {
    return 0.8;
  }
  return new RegExp(`[^\\p{L}\\p{N}]${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(value) ? 0.6 : 0.4;
}

function bestMatch(row: Record<string, unknown>, fields: string[], query: string): { score: number; matched: string } {
  let best = { score: 0, matched: '' };
  for (const field of fields) {
    const value = row[field];
    if (typeof value === 'string' && value.toLowerCase().includes(query)) {
      const score = scoreOf(value, query);
      if (score > best.score) {
        best = { score, matched: value };
      }
    }
  }
  return best;
}

/**
 * The command palette's search: one query per searchable model, all sent at once (one round),
 * each a case-insensitive substring match that the trigram indexes serve, then one list ranked by
 * how well each record matched (ties by the matched text).
 */
export async function search(db: TenantDb, text: string, first: number): Promise<SearchHit[]> {
  const query = text.trim().toLowerCase();
  if (query.length < SEARCH_MIN_LENGTH || query.length > 100) {
    throw badInput(`text must be ${SEARCH_MIN_LENGTH} to 100 characters`, 'text');
  }
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_RESULTS) {
    throw badInput(`first must be between 1 and ${SEARCH_MAX_RESULTS}`, 'first');
  }
  const perModel = await Promise.all(
    SEARCHED.map(async ({ model, typeName, fields }) => {
      const rows = await delegateOf<Record<string, unknown> & { id: string }>(db, model).findMany({ where: textSearch(query, fields), take: first });
      return rows.map((row) => ({ node: typedRow(typeName, row), ...bestMatch(row, fields, query) }));
    }),
  );
  return perModel
    .flat()
    .sort((a, b) => b.score - a.score || a.matched.localeCompare(b.matched))
    .slice(0, first);
}
