import { type ClientBase } from 'pg';
import { quoteIdentifier } from '../migrations/migration-connection.js';

/** A table that holds tenant rows (it has a `tenant_id` column), and the tenant tables it references. */
export interface TenantTable {
  name: string;
  /** Tenant tables this one has a foreign key to (itself excluded). */
  references: string[];
}

/**
 * The tenant tables of the connected database's current schema in foreign-key order: every table
 * comes after the tables it references, so inserting in this order and deleting in reverse never
 * trips a constraint. Read from the catalog, not hard-coded, so a new migration's tables are
 * covered the day they land. Ties are broken by name, so the order is the same on every database
 * of one schema version.
 *
 * @throws Error when the foreign keys form a cycle (no order exists); the message names the tables.
 */
export async function tenantTablesInForeignKeyOrder(client: ClientBase): Promise<TenantTable[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  const { rows: keys } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
  );
  const names = new Set(tables.map((table) => table.name));
  const references = new Map<string, string[]>([...names].map((name) => [name, []]));
  for (const key of keys) {
    if (names.has(key.child) && names.has(key.parent)) {
      references.get(key.child)?.push(key.parent);
    }
  }
  return orderByReferences(references);
}

/** Kahn's algorithm over `references` (table → tables it references), ties by name. */
export function orderByReferences(references: Map<string, string[]>): TenantTable[] {
  const ordered: TenantTable[] = [];
  const placed = new Set<string>();
  const remaining = new Set([...references.keys()].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((name) => (references.get(name) ?? []).every((parent) => placed.has(parent)));
    if (ready === undefined) {
      throw new Error(`the foreign keys between ${[...remaining].join(', ')} form a cycle; no copy or purge order exists`);
    }
    remaining.delete(ready);
    placed.add(ready);
    ordered.push({ name: ready, references: [...new Set(references.get(ready))].sort() });
  }
  return ordered;
}

/** `"table"` for SQL text; the names come from the catalog, never from input. */
export const tableIdentifier = (table: TenantTable | string) => quoteIdentifier(typeof table === 'string' ? table : table.name);
