import { type PrismaClient } from '../../generated/tenant/client.js';
import { type DemoTenant } from './context.js';
import { insertDemoRows } from './insert.js';
import { buildDemoRows } from './plan.js';
import { emptySummary, type SeedSummary } from './rows.js';
import { DEFAULT_DEMO_ANCHOR } from './time.js';

export { type DemoTenant } from './context.js';
export { buildDemoRows } from './plan.js';
export { SEED_TABLES, type DemoRows, type SeedSummary, type SeedTable } from './rows.js';
export { DEFAULT_DEMO_ANCHOR } from './time.js';

/** Options for {@link seedTenantDemoData}. */
export interface SeedOptions {
  /**
   * The "now" the demo dates are laid out around (past events, upcoming tasks, overdue invoices).
   * Defaults to {@link DEFAULT_DEMO_ANCHOR}, a fixed instant, so a rerun inserts identical rows;
   * pass `new Date()` for data that looks current.
   */
  anchor?: Date;
}

/**
 * Fills one tenant's business tables with believable demo data: accounts and contacts, the sales
 * pipeline from leads to paid invoices, venues and events, and the activity around them. The data
 * is derived from the tenant's slug (acme, globex, initech and umbrella each get their own
 * business; other slugs a generic one) and row ids from its id, so it is reproducible and never
 * collides with another tenant in a pooled database. Every row carries `tenantId: tenant.id`.
 *
 * Atomic and idempotent: everything is inserted in one transaction, and nothing at all is done if
 * the tenant already has an account, in which case every count in the summary is zero.
 *
 * @param db - a client on the tenant's database (dedicated or pooled); not the tenant-scoped
 *   extension, since rows already carry their tenant id.
 * @param people - control-plane user ids to use as owners, assignees and authors; may be empty,
 *   in which case those columns are null.
 * @returns rows inserted per table.
 */
export async function seedTenantDemoData(
  db: PrismaClient,
  tenant: DemoTenant,
  people: readonly string[],
  options: SeedOptions = {},
): Promise<SeedSummary> {
  // Built before the transaction opens, so the transaction only spends time on inserts.
  const rows = buildDemoRows(tenant, people, options.anchor ?? DEFAULT_DEMO_ANCHOR);
  return db.$transaction(
    async (tx) => {
      // Two processes seeding the same tenant at once (e.g. two dev servers) must not both see an
      // empty tenant; the lock serialises them until commit, so the second one sees the rows.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tenantgate-demo-seed:${tenant.id}`}, 0))`;
      if ((await tx.account.count({ where: { tenantId: tenant.id } })) > 0) {
        return emptySummary();
      }
      return insertDemoRows(tx, rows);
    },
    // A few hundred rows take well under a second, but a cold pooled database can be slow; the
    // default 5 s interactive-transaction timeout would roll back a seed that was about to finish.
    { maxWait: 10_000, timeout: 60_000 },
  );
}
