import { type SeedTable } from '../../../devdb/demo-seed/index.js';
import { type DocumentStarts } from './document-numbers.js';
import { type SeedIds } from './seed-ids.js';
import { type SeedRandom } from './sql-random.js';
import { type SeedShape } from './seed-shape.js';
import { type SeedVocabulary } from './seed-vocabulary.js';

/** Rows one step inserted, and how many of them belong to the key account. */
export interface StepCount {
  rows: number;
  keyRows: number;
}

/** What every step of one seed run shares. */
export interface SeedRun {
  tenantId: string;
  /** The tenant's display name, for names of events without an account. */
  tenantName: string;
  /** Name of account 0, the key account, e.g. "Acme Events Key Account". */
  keyAccountName: string;
  /** Email domain of the key account's contacts. */
  keyAccountDomain: string;
  /** The "now" the data is laid out around: past events, overdue invoices, open tasks. */
  anchor: Date;
  /** Control-plane user ids of the tenant's members: owners, assignees, authors (null when none). */
  members: string[];
  shape: SeedShape;
  ids: SeedIds;
  random: SeedRandom;
  vocabulary: SeedVocabulary;
  /** Where document numbers and contact email numbers continue. */
  starts: DocumentStarts;
  /** What the steps so far inserted, by table: later steps pick parents among these rows. */
  inserted: Partial<Record<SeedTable, StepCount>>;
}
