import { createHash } from 'node:crypto';
import { literal } from './sql-random.js';

/**
 * Row ids of one seed run: a prefix per run and table followed by the row's index in 12 hex
 * digits, shaped as an RFC 9562 version 8 ("custom") UUID like the demo seed's.
 *
 * Why not random UUIDs: a child row computes its parent's id from the parent's index, with no
 * lookup; consecutive rows have consecutive ids, so the primary key index is filled in order
 * instead of at random places; and the rows of a run are one id range per table. The prefix comes
 * from a random run tag, so two runs (or two tenants of a pooled database) never share ids.
 */
export class SeedIds {
  private readonly prefixes = new Map<string, string>();

  constructor(private readonly runTag: string) {}

  /** SQL for the id of row `index` (a bigint SQL expression) of `table`. */
  of(table: string, index: string): string {
    return `(${literal(this.prefix(table))} || lpad(to_hex(${index}), 12, '0'))::uuid`;
  }

  /** The id of row `index` of `table`, as text. */
  idOf(table: string, index: number): string {
    return `${this.prefix(table)}${index.toString(16).padStart(12, '0')}`;
  }

  /** The lowest and highest id this run can give a row of `table`, as SQL uuid literals. */
  range(table: string): { low: string; high: string } {
    return { low: `${literal(`${this.prefix(table)}000000000000`)}::uuid`, high: `${literal(`${this.prefix(table)}ffffffffffff`)}::uuid` };
  }

  /** `uuid-prefix-` of `table`: 8-4-4-4 hex groups and a dash; the last group is the index. */
  private prefix(table: string): string {
    const known = this.prefixes.get(table);
    if (known !== undefined) {
      return known;
    }
    const hex = createHash('sha256').update(`${this.runTag}/${table}`).digest('hex');
    const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-`;
    this.prefixes.set(table, prefix);
    return prefix;
  }
}
