import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { decryptDatasourceUrl } from '../provisioning/datasource-registration.js';

/** What every fleet-wide operation works on: the control plane, the keys, and which migrations. */
export interface FleetScope {
  control: ControlClient;
  keyRing: KeyRing;
  /** The control-plane database itself (migrated, or read, before any tenant). */
  controlDatabaseUrl: string;
  /** Default: the committed control-plane migrations. */
  controlMigrationsDir?: string;
  /** Default: the committed tenant migrations (tests and the bench point at a copy with one more). */
  tenantMigrationsDir?: string;
  /** Only the datasource holding this tenant. */
  tenantSlug?: string;
}

/** One database of the fleet: a datasource with the tenants it holds (a pooled one holds several). */
export interface FleetTarget {
  datasourceId: string;
  name: string;
  kind: 'POOLED' | 'DEDICATED';
  tenants: { id: string; slug: string; schemaVersion: string | null }[];
  /**
   * The decrypted connection URL, or the reason it could not be decrypted. Never print it: it
   * holds the password.
   */
  url: { ok: true; value: string } | { ok: false; error: string };
}

/** Options of {@link loadFleetTargets}. */
export interface FleetTargetFilter {
  /** Only the datasource holding this tenant. Default: every datasource with at least one tenant. */
  tenantSlug?: string;
}

/**
 * Reads the fleet from the control plane: every datasource that holds tenants, once (not once per
 * tenant), in name order, with its URL decrypted. A URL that does not decrypt is kept as an error
 * so that datasource fails alone instead of stopping the run.
 *
 * @throws Error when `tenantSlug` names no tenant.
 */
export async function loadFleetTargets(
  control: ControlClient,
  keyRing: KeyRing,
  filter: FleetTargetFilter = {},
): Promise<FleetTarget[]> {
  const datasources = await control.datasource.findMany({
    where: { tenants: filter.tenantSlug ? { some: { slug: filter.tenantSlug } } : { some: {} } },
    include: { tenants: { select: { id: true, slug: true, schemaVersion: true }, orderBy: { slug: 'asc' } } },
    orderBy: { name: 'asc' },
  });
  if (filter.tenantSlug && datasources.length === 0) {
    throw new Error(`no tenant "${filter.tenantSlug}"`);
  }
  return datasources.map((datasource) => ({
    datasourceId: datasource.id,
    name: datasource.name,
    kind: datasource.kind,
    tenants: datasource.tenants,
    url: decryptSafely(keyRing, datasource),
  }));
}

function decryptSafely(keyRing: KeyRing, datasource: { id: string; name: string; encryptedUrl: string }): FleetTarget['url'] {
  try {
    return { ok: true, value: decryptDatasourceUrl(keyRing, datasource) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The URL of a target, or throws its decryption error (for use inside a fleet item's try/catch). */
export function targetUrl(target: FleetTarget): string {
  if (!target.url.ok) {
    throw new Error(target.url.error);
  }
  return target.url.value;
}
