import { sql } from './databases.js';

/** One reference column, the table it points at, and how many of a tenant's rows break it. */
export interface ReferenceCheck {
  reference: string;
  /** Rows whose reference is set. */
  set: number;
  /** Of those, rows pointing at a missing row or at another tenant's. */
  broken: number;
}

/**
 * Checks every reference of a tenant's rows: each column the same-tenant triggers guard (read
 * from their arguments, so a new reference is covered the day its migration lands), and the
 * attachments' `subject_type`/`subject_id`, must point at an existing row with the same tenant.
 */
export async function checkTenantReferences(url: string, tenantId: string): Promise<ReferenceCheck[]> {
  const references = await sql<{ child: string; column: string; parent: string }>(
    url,
    `SELECT c.relname AS child, args[2 * k + 1] AS column, args[2 * k + 2] AS parent
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       CROSS JOIN LATERAL (SELECT (string_to_array(encode(t.tgargs, 'escape'), '\\000'))[1:t.tgnargs] AS args) a
       CROSS JOIN LATERAL generate_series(0, t.tgnargs / 2 - 1) AS k
      WHERE t.tgfoid = to_regproc('tenantgate_assert_same_tenant') AND NOT t.tgisinternal`,
  );
  const checks = references.map(({ child, column, parent }) => ({
    reference: `${child}.${column} → ${parent}`,
    query: `SELECT count(*) FILTER (WHERE x."${column}" IS NOT NULL)::int AS set,
              count(*) FILTER (WHERE x."${column}" IS NOT NULL AND (p.id IS NULL OR p.tenant_id <> x.tenant_id))::int AS broken
              FROM "${child}" x LEFT JOIN "${parent}" p ON p.id = x."${column}" WHERE x.tenant_id = $1`,
  }));
  const subjects = ['accounts', 'events', 'quotes', 'contracts', 'invoices', 'contacts', 'opportunities', 'leads', 'tasks', 'notes'];
  checks.push({
    reference: 'attachments.subject_id → subject_type',
    query: `SELECT count(*)::int AS set, count(*) FILTER (WHERE NOT (${subjects
      .map((table) => `(a.subject_type = '${table}' AND EXISTS (SELECT 1 FROM "${table}" p WHERE p.id = a.subject_id AND p.tenant_id = a.tenant_id))`)
      .join(' OR ')}))::int AS broken FROM attachments a WHERE a.tenant_id = $1`,
  });
  const results: ReferenceCheck[] = [];
  for (const check of checks) {
    const [row] = await sql<{ set: number; broken: number }>(url, check.query, [tenantId]);
    results.push({ reference: check.reference, set: row?.set ?? 0, broken: row?.broken ?? 0 });
  }
  return results;
}

/** The schema objects a bulk load sets aside and puts back: every index, foreign key and trigger, as the catalog prints them. */
export async function schemaObjects(url: string): Promise<string[]> {
  const rows = await sql<{ object: string }>(
    url,
    `SELECT pg_get_indexdef(indexrelid) AS object FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace
     UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((row) => row.object);
}
