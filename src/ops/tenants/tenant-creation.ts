import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/password-hasher.js';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { seedTenantDemoData } from '../../devdb/demo-seed/index.js';
import { badInput } from '../../errors/app-error.js';
import { type Datasource, type Tenant } from '../../generated/control/client.js';
import { MembershipRole, TenantStatus } from '../../generated/control/enums.js';
import { tenantMigrationsDir } from '../../paths.js';
import { connectDatasource } from '../../tenancy/tenant-client-factory.js';
import { errorDetails } from '../migrations/migration-error.js';
import { scrubSecrets } from '../provisioning/connection-failure.js';
import { assertTenantName, assertTenantSlug, assertTenantStatus, normalizeEmail } from '../provisioning/provisioning-input.js';
import { resolveProvisioningTarget, type ProvisioningTarget } from '../provisioning/provisioning-target.js';
import { migrateDatasource, registerTenant } from '../provisioning/tenant-provisioning.js';
import { purgeTenantRows } from '../tenant-data/tenant-rows.js';
import { assertPlacement, preparePlacement, undoPlacement, type PreparedPlacement, type TenantPlacement } from './tenant-placement.js';

/** The steps of {@link createTenant}, in order; `onStep` hears each one as it starts. */
export const CREATION_STEPS = ['database', 'migrate', 'seed', 'register', 'owner'] as const;
export type CreationStep = (typeof CREATION_STEPS)[number];

/** What creating a tenant needs. */
export interface TenantCreationDeps {
  control: ControlClient;
  keyRing: KeyRing;
  /** Default: the committed tenant migrations. */
  migrationsDir?: string;
  /** Hashes a new owner's initial password. Default: {@link hashPassword} at its default cost. */
  hashPassword?: (password: string) => Promise<string>;
  /**
   * Told as each step starts (the CLI draws progress from it). Whatever it throws fails the
   * creation like a failing step would, and everything made so far is undone.
   */
  onStep?: (step: CreationStep) => void | Promise<void>;
}

/** A tenant to create. */
export interface CreateTenantRequest {
  slug: string;
  name: string;
  placement: TenantPlacement;
  /** Email of the OWNER; a user with no account yet is created with a random initial password. */
  ownerEmail: string;
  /** Fill the new tenant with demo data. Default: false. */
  seed?: boolean;
  /** Default: ACTIVE. */
  status?: TenantStatus;
}

/** What {@link createTenant} made. */
export interface CreateTenantResult {
  tenant: Tenant;
  datasource: Datasource;
  /** The database created for the tenant, or null when it went onto an existing datasource. */
  createdDatabase: string | null;
  migrationsApplied: string[];
  seededRows: number;
  ownerUserId: string;
  /** Shown once, when the owner's account was created by this call; null for an existing user. */
  ownerInitialPassword: string | null;
}

/**
 * Provisions a new tenant all-or-nothing: creates its database (for a `new-database` placement),
 * migrates it, optionally seeds demo data, then registers the sealed datasource, the tenant and its
 * owner in one control-plane transaction. The tenant id is chosen up front so its seeded rows can
 * be found again: when any step fails, the rows written under it are purged, a database created
 * for it is dropped, and the transaction rolls back, so no half-made tenant, database or row
 * remains. (Migrations applied to an existing database stay: they are the shared schema, not a tenant's.)
 *
 * @throws AppError `BAD_USER_INPUT` for invalid input or a slug that is taken, `TENANT_UNAVAILABLE`
 *   when a database cannot be reached; the original failure, with credentials removed, even when
 *   the undo failed too (that is added to its message).
 */
export async function createTenant(deps: TenantCreationDeps, request: CreateTenantRequest): Promise<CreateTenantResult> {
  assertTenantSlug(request.slug);
  assertTenantName(request.name);
  const status = request.status ?? TenantStatus.ACTIVE;
  assertTenantStatus(status);
  const ownerEmail = normalizeEmail(request.ownerEmail);
  assertPlacement(request.placement);
  if ((await deps.control.tenant.count({ where: { slug: request.slug } })) > 0) {
    throw badInput(`tenant "${request.slug}" already exists`, 'slug');
  }
  const step = async (name: CreationStep) => deps.onStep?.(name);
  const tenantId = randomUUID();
  await step('database');
  const prepared = await preparePlacement(request.slug, request.placement);
  let target: ProvisioningTarget | undefined;
  let seeded = false;
  try {
    target = await resolveProvisioningTarget(deps.control, deps.keyRing, prepared.datasource);
    await step('migrate');
    const migration = await migrateDatasource(target, deps.migrationsDir ?? tenantMigrationsDir);
    const owner = await ownerAccount(deps, ownerEmail);
    await step('seed');
    let seededRows = 0;
    if (request.seed === true) {
      seeded = true;
      seededRows = await seed(target.url, { id: tenantId, slug: request.slug, name: request.name }, owner.id);
    }
    await step('register');
    const registration = { id: tenantId, slug: request.slug, name: request.name, status };
    const placed = await deps.control.$transaction(async (tx) => {
      const result = await registerTenant(tx, deps.keyRing, target as ProvisioningTarget, registration, migration.latest);
      if (!result.created) {
        throw badInput(`tenant "${request.slug}" was created by someone else meanwhile`, 'slug');
      }
      await step('owner');
      if (owner.passwordHash !== null) {
        await tx.user.create({ data: { id: owner.id, email: ownerEmail, displayName: ownerEmail, passwordHash: owner.passwordHash } });
      }
      await tx.membership.create({ data: { userId: owner.id, tenantId, role: MembershipRole.OWNER } });
      return result;
    });
    return {
      tenant: placed.tenant,
      datasource: placed.datasource,
      createdDatabase: prepared.createdDatabase?.name ?? null,
      migrationsApplied: migration.applied,
      seededRows,
      ownerUserId: owner.id,
      ownerInitialPassword: owner.initialPassword,
    };
  } catch (error) {
    throw await undone(error, prepared, seeded && target !== undefined ? { url: target.url, tenantId } : null);
  }
}

interface OwnerAccount {
  id: string;
  /** Set when the account is to be created, with its initial password. */
  passwordHash: string | null;
  initialPassword: string | null;
}

async function ownerAccount(deps: TenantCreationDeps, email: string): Promise<OwnerAccount> {
  const existing = await deps.control.user.findUnique({ where: { email }, select: { id: true } });
  if (existing !== null) {
    return { id: existing.id, passwordHash: null, initialPassword: null };
  }
  const initialPassword = randomBytes(12).toString('base64url');
  const hash = await (deps.hashPassword ?? hashPassword)(initialPassword);
  return { id: randomUUID(), passwordHash: hash, initialPassword };
}

async function seed(url: string, tenant: { id: string; slug: string; name: string }, ownerId: string): Promise<number> {
  const client = await connectDatasource({ url, poolMax: 2, connectTimeoutMs: 10_000, applicationName: 'tenantgate-provisioning' });
  try {
    // User references are plain ids (no cross-database key): a new owner's id is fixed before its
    // row is written with the tenant's, and a failed creation purges these rows anyway.
    const summary = await seedTenantDemoData(client.prisma, tenant, [ownerId]);
    return Object.values(summary).reduce((sum, count) => sum + count, 0);
  } finally {
    await client.close();
  }
}

/** Undoes what a failed creation made and returns the error to throw: the original one. */
async function undone(error: unknown, prepared: PreparedPlacement, seeded: { url: string; tenantId: string } | null): Promise<unknown> {
  const problems: string[] = [];
  if (seeded !== null && prepared.createdDatabase === null) {
    await purgeTenantRows(seeded.url, seeded.tenantId).catch((purgeError: unknown) => {
      problems.push(`its seeded rows could not be purged (${scrubSecrets(errorDetails(purgeError).message, seeded.url)})`);
    });
  }
  await undoPlacement(prepared).catch((dropError: unknown) => {
    problems.push(`database "${prepared.createdDatabase?.name}" could not be dropped (${errorDetails(dropError).message})`);
  });
  if (problems.length > 0 && error instanceof Error) {
    error.message = `${error.message}; undoing it failed too: ${problems.join('; ')}`;
  }
  return error;
}
