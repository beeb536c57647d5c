import { randomUUID } from 'node:crypto';
import { type TenantDb } from '../../src/tenancy/tenant-scope.js';
import { startRuntimeFleet, type FleetDatabase, type RuntimeFleet } from '../support/runtime-fleet.js';
import { misplacedWrites, plantTrappedTenant, type TrappedTenant } from '../support/trap-rows.js';

/**
 * One Prisma runtime serves every datasource, so a routing mistake could send tenant A's statement
 * to tenant B's database. Prisma batches findUnique calls of one shape made in the same tick and
 * dispatches them from the first caller's async context; this suite fires hundreds of calls of
 * every kind from tenants on different databases in one tick, against trap rows: in every other
 * database each tenant has a row with its own tenant id and the same id as its home row, so a
 * mis-routed read returns the trap and a mis-routed write lands beside it.
 */

const DATABASES = 4;
const TENANTS_PER_DATABASE = 2;
const ROUNDS = 6;

interface Tenant extends TrappedTenant {
  db: TenantDb;
}

interface Outcome {
  calls: number;
  errors: unknown[];
  /** Answers that came from a database other than the tenant's own. */
  foreignAnswers: number;
  /** Rows written by a tenant that are not in its own database, or trap rows changed. */
  misplacedWrites: number;
}

async function plant(fleet: RuntimeFleet): Promise<Tenant[]> {
  const tenants: Tenant[] = [];
  for (const home of fleet.databases) {
    for (let i = 0; i < TENANTS_PER_DATABASE; i += 1) {
      const planted = await plantTrappedTenant(randomUUID(), home, fleet.databases);
      const lease = await fleet.pool.acquire(fleet.route(planted.tenantId, home));
      tenants.push({ ...planted, db: lease.db });
    }
  }
  return tenants;
}

/** Every call of every tenant, started in one synchronous loop, i.e. in the same tick. */
function fireInOneTick(tenants: Tenant[]): Array<Promise<boolean>> {
  const calls: Array<Promise<boolean>> = [];
  const own = (tenant: Tenant, row: { name: string } | null) => row?.name === `home:${tenant.tenantId}`;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const tenant of tenants) {
      const where = { id: tenant.accountId };
      calls.push(tenant.db.account.findUnique({ where }).then((row) => own(tenant, row)));
      calls.push(tenant.db.account.findUniqueOrThrow({ where, select: { name: true } }).then((row) => own(tenant, row)));
      calls.push(
        tenant.db.account.findMany({ select: { name: true } }).then((rows) => rows.length > 0 && rows.every((row) => !row.name.startsWith('TRAP'))),
      );
      calls.push(tenant.db.account.count({ where: { industry: 'home' } }).then((count) => count === 1));
      calls.push(tenant.db.account.create({ data: { tenantId: tenant.tenantId, name: `created:${tenant.tenantId}:${round}` } }).then(() => true));
      calls.push(tenant.db.account.update({ where, data: { website: `updated:${round}` } }).then((row) => own(tenant, row)));
      calls.push(
        tenant.db.$transaction(async (tx) => {
          const row = await tx.account.findUnique({ where });
          await tx.account.create({ data: { tenantId: tenant.tenantId, name: `tx:${tenant.tenantId}:${round}` } });
          return own(tenant, row);
        }),
      );
    }
  }
  return calls;
}

async function runWorkload(unguardedBatching: boolean): Promise<Outcome> {
  // Hundreds of calls queue for three connections per database: generous waits keep a busy
  // machine from failing calls, which would hide answers from either test.
  const fleet = await startRuntimeFleet({ databases: DATABASES, poolMax: 3, budgetWaitMs: 30_000, unguardedBatching });
  try {
    const tenants = await plant(fleet);
    const settled = await Promise.allSettled(fireInOneTick(tenants));
    const errors = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    const foreignAnswers = settled.filter((result) => result.status === 'fulfilled' && !result.value).length;
    return { calls: settled.length, errors, foreignAnswers, misplacedWrites: await misplacedWrites(fleet.databases, tenants) };
  } finally {
    await fleet.close();
  }
}

test('hundreds of same-tick calls of every kind from tenants on different databases get only their own rows and write only to their own database', async () => {
  const outcome = await runWorkload(false);
  expect(outcome.calls).toBe(DATABASES * TENANTS_PER_DATABASE * ROUNDS * 7);
  expect(outcome.errors).toEqual([]);
  expect(outcome.foreignAnswers).toBe(0);
  expect(outcome.misplacedWrites).toBe(0);
});

test('test the test: with the batching guard off, the same workload is caught mis-routing', async () => {
  const outcome = await runWorkload(true);
  // Every call must still be answered: a mis-routed batch that failed instead would prove nothing.
  expect(outcome.errors.map(String)).toEqual([]);
  expect(outcome.foreignAnswers + outcome.misplacedWrites).toBeGreaterThan(0);
});

test('a batch transaction, which Prisma would dispatch from another caller, is refused on a tenant client', async () => {
  const fleet = await startRuntimeFleet({ databases: 1, poolMax: 2 });
  try {
    const [home] = fleet.databases as [FleetDatabase];
    const { db } = await fleet.pool.acquire(fleet.route(randomUUID(), home));
    await expect(db.$transaction([db.account.count(), db.account.count()])).rejects.toThrow(/batch transactions/);
    expect(await db.account.count()).toBe(0);
  } finally {
    await fleet.close();
  }
});
