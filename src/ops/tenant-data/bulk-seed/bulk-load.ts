import { type ClientBase } from 'pg';
import { quoteIdentifier } from '../../migrations/migration-connection.js';

/** SQL: the relation `c` is in the session's schema, where the seed inserts. */
const IN_SCHEMA = 'c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())';

/**
 * Rebuilding costs about a quarter of maintaining row by row per row of the whole table, so it
 * pays once a seed adds at least half again what the tables hold (measured on 1.2 million rows).
 */
const REBUILD_WHEN_ADDING = 0.5;

/** What an exclusive seed takes off the tables it fills, to put back (exactly) before it commits. */
export interface SetAside {
  /** `table`.`trigger` of the same-tenant triggers it disabled. */
  triggers: { table: string; trigger: string }[];
  /** `CREATE INDEX …` of the secondary indexes it dropped, as the catalog prints them (none unless rebuilding). */
  indexes: string[];
  /** The foreign keys it dropped, with the definition the catalog prints for each (none unless rebuilding). */
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Prepares `tables` for an exclusive seed of about `rows` rows, inside its transaction.
 *
 * It always disables their same-tenant triggers, which run two dynamic queries per reference and
 * cost more than the insert itself: the seed's references are same-tenant by construction (each
 * points at a row of its own run, from its run's id ranges, all inserted with the tenant's id), and
 * the foreign keys still check that each exists. That takes a lock that holds up other sessions'
 * writes to the tables, not their reads, until the seed commits.
 *
 * When the seed at least grows the tables by half, it also drops their secondary indexes and
 * foreign keys, as `pg_restore` does: building an index from sorted rows and checking a foreign
 * key with one join cost far less than doing either row by row. Then the lock is ACCESS EXCLUSIVE:
 * nobody reads the tables either until commit. Primary keys and unique constraints stay, so
 * duplicate ids, numbers and emails are refused as they are inserted; a dangling reference fails
 * the seed when its foreign key is added back. {@link restoreAfterBulkLoad} puts everything back
 * from its catalog definition; a rollback does too.
 */
export async function setAsideForBulkLoad(client: ClientBase, tables: readonly string[], rows: number): Promise<SetAside> {
  const { rows: sizes } = await client.query<{ rows: number }>(
    `SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8 AS rows FROM pg_class c WHERE ${IN_SCHEMA} AND c.relname = ANY($1::text[])`,
    [tables],
  );
  const rebuild = rows >= REBUILD_WHEN_ADDING * (sizes[0]?.rows ?? 0);
  // Waiting longer would hold up the gateway's queries, queued behind the lock request, as long.
  await client.query("SET LOCAL lock_timeout = '10s'");
  await client.query(`LOCK TABLE ${tables.map(quoteIdentifier).join(', ')} IN ${rebuild ? 'ACCESS EXCLUSIVE' : 'SHARE ROW EXCLUSIVE'} MODE`);
  await client.query('SET LOCAL lock_timeout TO DEFAULT');
  const { rows: triggers } = await client.query<SetAside['triggers'][number]>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgfoid = to_regproc('tenantgate_assert_same_tenant') AND t.tgenabled <> 'D' AND NOT t.tgisinternal
        AND ${IN_SCHEMA} AND c.relname = ANY($1::text[])`,
    [tables],
  );
  for (const { table, trigger } of triggers) {
    await client.query(`ALTER TABLE ${quoteIdentifier(table)} DISABLE TRIGGER ${quoteIdentifier(trigger)}`);
  }
  if (!rebuild) {
    return { triggers, indexes: [], foreignKeys: [] };
  }
  // Indexes behind a constraint, unique ones, and any outside the default tablespace (which the
  // printed definition would not carry) are kept.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE ${IN_SCHEMA} AND c.relname = ANY($1::text[])
        AND NOT i.indisprimary AND NOT i.indisunique AND NOT i.indisexclusion AND i.indisvalid AND ic.reltablespace = 0
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  const { rows: foreignKeys } = await client.query<SetAside['foreignKeys'][number]>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE k.contype = 'f' AND ${IN_SCHEMA} AND c.relname = ANY($1::text[])`,
    [tables],
  );
  for (const { table, name } of foreignKeys) {
    await client.query(`ALTER TABLE ${quoteIdentifier(table)} DROP CONSTRAINT ${quoteIdentifier(name)}`);
  }
  for (const { name } of indexes) {
    await client.query(`DROP INDEX ${name}`);
  }
  return { triggers, indexes: indexes.map((index) => index.definition), foreignKeys };
}

/**
 * Recreates what {@link setAsideForBulkLoad} took off, before the seed commits: the indexes (built
 * from the table's rows, with more memory than the server's default for the sort), then the
 * foreign keys (each checked over the whole table in one query), then the triggers.
 */
export async function restoreAfterBulkLoad(client: ClientBase, setAside: SetAside): Promise<void> {
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const definition of setAside.indexes) {
    await client.query(definition);
  }
  for (const { table, name, definition } of setAside.foreignKeys) {
    await client.query(`ALTER TABLE ${quoteIdentifier(table)} ADD CONSTRAINT ${quoteIdentifier(name)} ${definition}`);
  }
  for (const { table, trigger } of setAside.triggers) {
    await client.query(`ALTER TABLE ${quoteIdentifier(table)} ENABLE TRIGGER ${quoteIdentifier(trigger)}`);
  }
}
