import { badInput } from '../../errors/app-error.js';
import { DatasourceKind, MembershipRole, TenantStatus } from '../../generated/control/enums.js';

// Slugs appear in URLs, tokens and log lines, so they are kept short, lower-case and unambiguous.
const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
// Datasource names are printed in CLI tables, hints and metrics labels instead of the secret URL.
const DATASOURCE_NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
const REGION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_POOL = 100;

/** Rejects a slug that is not 2–40 characters of `a-z 0-9 -` starting with a letter. */
export function assertTenantSlug(slug: string): void {
  if (typeof slug !== 'string' || !SLUG.test(slug)) {
    throw badInput('tenant slug must be 2-40 characters of a-z, 0-9 and -, starting with a letter', 'slug');
  }
}

/** Rejects a tenant name that is blank or longer than 100 characters. */
export function assertTenantName(name: string): void {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) {
    throw badInput('tenant name must be 1-100 characters and not blank', 'name');
  }
}

/** Rejects anything but a {@link TenantStatus}; input may come untyped from the CLI. */
export function assertTenantStatus(status: string): asserts status is TenantStatus {
  if (!Object.values<string>(TenantStatus).includes(status)) {
    throw badInput(`tenant status must be one of ${Object.values(TenantStatus).join(', ')}`, 'status');
  }
}

/** Rejects a datasource name that is not 1–63 characters of `a-z 0-9 _ . -`. */
export function assertDatasourceName(name: string): void {
  if (typeof name !== 'string' || !DATASOURCE_NAME.test(name)) {
    throw badInput('datasource name must be 1-63 characters of a-z, 0-9, _, . and -, starting with a letter or digit', 'datasource.name');
  }
}

/** Rejects anything but a {@link DatasourceKind}. */
export function assertDatasourceKind(kind: string): asserts kind is DatasourceKind {
  if (!Object.values<string>(DatasourceKind).includes(kind)) {
    throw badInput(`datasource kind must be one of ${Object.values(DatasourceKind).join(', ')}`, 'datasource.kind');
  }
}

/** Rejects a URL that is not `postgres://` or `postgresql://`. The value is never echoed: it is a secret. */
export function assertDatasourceUrl(url: string): void {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Falls through to the generic message; URL's own error would repeat the input.
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw badInput('datasource url must be a postgresql:// connection URL', 'datasource.url');
  }
}

/** Rejects a pool size that is not an integer from 1 to 100. */
export function assertPoolMax(poolMax: number): void {
  if (!Number.isInteger(poolMax) || poolMax < 1 || poolMax > MAX_POOL) {
    throw badInput(`datasource poolMax must be an integer from 1 to ${MAX_POOL}`, 'datasource.poolMax');
  }
}

/** Rejects a region that is not 1–63 characters of `A-Z a-z 0-9 _ . -`. */
export function assertRegion(region: string): void {
  if (typeof region !== 'string' || !REGION.test(region)) {
    throw badInput('datasource region must be 1-63 characters of A-Z, a-z, 0-9, _, . and -', 'datasource.region');
  }
}

/** Rejects an id that is not a UUID, before Postgres would fail on the `uuid` column with SQL text. */
export function assertUuid(id: string, field: string): void {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw badInput(`${field} must be a UUID`, field);
  }
}

/** Rejects anything but a {@link MembershipRole}. */
export function assertMembershipRole(role: string): asserts role is MembershipRole {
  if (!Object.values<string>(MembershipRole).includes(role)) {
    throw badInput(`membership role must be one of ${Object.values(MembershipRole).join(', ')}`, 'role');
  }
}

/**
 * Lower-cases and trims an email and rejects one without a local part and a domain, so one person
 * cannot end up with two accounts that differ only in case.
 */
export function normalizeEmail(email: string): string {
  const normalized = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (normalized.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw badInput('email must look like name@domain and be at most 254 characters', 'email');
  }
  return normalized;
}
