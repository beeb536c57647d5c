import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { badInput } from '../../errors/app-error.js';
import { type Datasource, type Tenant } from '../../generated/control/client.js';
import { DatasourceKind, TenantStatus } from '../../generated/control/enums.js';
import { tenantMigrationsDir } from '../../paths.js';
import { applyMigrations, type MigrationRunResult } from '../migrations/migrator.js';
import { databaseUnavailable } from './connection-failure.js';
import { registerDatasource, type ControlWriter } from './datasource-registration.js';
import { assertTenantName, assertTenantSlug, assertTenantStatus } from './provisioning-input.js';
import {
  assertSlugPlacement,
  resolveProvisioningTarget,
  slugOnOtherDatasource,
  type DatasourceReference,
  type ProvisioningTarget,
} from './provisioning-target.js';
import { recordSchemaVersion } from './schema-version.js';

/** What provisioning needs; passed in so tests and the CLI hand over their own. */
export interface ProvisioningDeps {
  control: ControlClient;
  keyRing: KeyRing;
  /** Tenant-schema migrations to apply. Default: the committed ones ({@link tenantMigrationsDir}). */
  migrationsDir?: string;
}

/** A tenant to provision. */
export interface ProvisionTenantRequest {
  /** 2–40 characters of `a-z 0-9 -`, starting with a letter; unique across the platform. */
  slug: string;
  /** Display name, 1–100 characters. Not changed when the tenant already exists. */
  name: string;
  datasource: DatasourceReference;
  /** Status of a new tenant. Default: `ACTIVE`. An existing tenant keeps its status. */
  status?: TenantStatus;
}

/** What {@link provisionTenant} did. */
export interface ProvisionTenantResult {
  tenant: Tenant;
  datasource: Datasource;
  /** False when the tenant already existed on this datasource (a re-run). */
  created: boolean;
  /** Tenant migrations this run applied to the datasource, in order; empty when it was current. */
  migrationsApplied: string[];
}

/**
 * Provisions a tenant: migrates its datasource's database, then registers the datasource (URL
 * sealed) and creates the tenant row with its schema version in one control-plane transaction.
 * Migrating first means no tenant ever points at an unmigrated database, and a failure leaves no
 * row behind. Idempotent and resumable: re-running with the same request migrates what is pending,
 * brings the schema version up to date and returns the existing tenant with `created: false`.
 *
 * @throws AppError `BAD_USER_INPUT` for invalid input, a slug that lives on another datasource, a
 *   datasource name taken by another URL or kind, or a second tenant on a `DEDICATED` datasource;
 *   `NOT_FOUND` for an unknown datasource id; `TENANT_UNAVAILABLE` when the database cannot be
 *   reached or migrated (the message never holds the URL or password).
 */
export async function provisionTenant(deps: ProvisioningDeps, request: ProvisionTenantRequest): Promise<ProvisionTenantResult> {
  assertTenantSlug(request.slug);
  assertTenantName(request.name);
  const status = request.status ?? TenantStatus.ACTIVE;
  assertTenantStatus(status);
  const target = await resolveProvisioningTarget(deps.control, deps.keyRing, request.datasource);
  await assertSlugPlacement(deps.control, request.slug, target);
  const migration = await migrateDatasource(target, deps.migrationsDir ?? tenantMigrationsDir);
  const placed = await deps.control.$transaction((tx) =>
    registerTenant(tx, deps.keyRing, target, { slug: request.slug, name: request.name, status }, migration.latest),
  );
  return { ...placed, migrationsApplied: migration.applied };
}

/** The tenant row {@link registerTenant} writes. */
export interface TenantRegistration {
  slug: string;
  name: string;
  status: TenantStatus;
  /** Chosen by the caller when rows are written under it before the tenant row exists (a seed). Default: generated. */
  id?: string;
}

/**
 * The control-plane half of provisioning, inside the caller's transaction: registers (or finds)
 * the datasource, checks a dedicated one is free, creates the tenant row at `schemaVersion` and
 * brings its datasource's other tenants to that version. The caller migrated the database first.
 *
 * @returns `created: false` when the slug already existed on this datasource.
 * @throws AppError `BAD_USER_INPUT` when the slug lives on another datasource or a dedicated one is taken.
 */
export async function registerTenant(
  tx: ControlWriter,
  keyRing: KeyRing,
  target: ProvisioningTarget,
  registration: TenantRegistration,
  schemaVersion: string | null,
): Promise<{ tenant: Tenant; datasource: Datasource; created: boolean }> {
  const datasource = await placeOn(tx, keyRing, target);
  await assertRoomOn(tx, datasource, registration.slug);
  const { count } = await tx.tenant.createMany({
    data: [{ ...registration, datasourceId: datasource.id, schemaVersion }],
    // A concurrent provisioning of the same slug makes this a no-op instead of aborting the transaction.
    skipDuplicates: true,
  });
  if (schemaVersion !== null) {
    await recordSchemaVersion(tx, datasource.id, schemaVersion);
  }
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { slug: registration.slug } });
  if (tenant.datasourceId !== datasource.id) {
    throw slugOnOtherDatasource(registration.slug);
  }
  return { tenant, datasource, created: count === 1 };
}

/**
 * Applies the tenant migrations to the target's database.
 *
 * @throws AppError `TENANT_UNAVAILABLE` naming the datasource, never its URL.
 */
export async function migrateDatasource(target: ProvisioningTarget, migrationsDir: string): Promise<MigrationRunResult> {
  try {
    return await applyMigrations({ databaseUrl: target.url, migrationsDir });
  } catch (error) {
    throw databaseUnavailable(`cannot migrate datasource "${target.name}"`, error, target.url);
  }
}

async function placeOn(tx: ControlWriter, keyRing: KeyRing, target: ProvisioningTarget): Promise<Datasource> {
  if (target.registration !== null) {
    return registerDatasource(tx, keyRing, target.registration);
  }
  const datasource = await tx.datasource.findUnique({ where: { id: target.datasourceId } });
  if (datasource === null) {
    // Deleted between the lookup and now; the caller can simply retry.
    throw badInput(`datasource "${target.name}" was removed while provisioning`, 'datasource.id');
  }
  return datasource;
}

/**
 * A dedicated datasource holds one tenant. Locking its row serialises concurrent provisionings
 * onto it, so two of them cannot both see it empty.
 */
async function assertRoomOn(tx: ControlWriter, datasource: Datasource, slug: string): Promise<void> {
  if (datasource.kind !== DatasourceKind.DEDICATED) {
    return;
  }
  await tx.$queryRaw`SELECT id FROM datasources WHERE id = ${datasource.id}::uuid FOR UPDATE`;
  const occupant = await tx.tenant.findFirst({
    where: { datasourceId: datasource.id, slug: { not: slug } },
    select: { slug: true },
  });
  if (occupant !== null) {
    throw badInput(
      `datasource "${datasource.name}" is DEDICATED and already holds tenant "${occupant.slug}"; use a POOLED datasource to share one`,
      'datasource',
    );
  }
}
