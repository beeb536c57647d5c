import { type ControlClient } from '../control/control-client.js';
import { failClosed } from '../control/control-plane-outage.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type DatasourceKind, type TenantStatus } from '../generated/control/enums.js';
import { type TenancyObserver } from './tenancy-observer.js';

/** Where a tenant's rows live, as recorded in the control plane. The URL stays encrypted here. */
export interface TenantRoute {
  tenantId: string;
  slug: string;
  status: TenantStatus;
  schemaVersion: string | null;
  datasource: {
    id: string;
    name: string;
    kind: DatasourceKind;
    encryptedUrl: string;
    keyId: string;
    credentialVersion: number;
    poolMax: number;
  };
}

interface CachedRoute {
  promise: Promise<TenantRoute>;
  expiresAt: number;
  /** Set once the lookup succeeded; undefined while it runs (a failed one is dropped). */
  datasourceId?: string;
}

/** Options of {@link DatasourceRegistry}. */
export interface DatasourceRegistryOptions {
  control: ControlClient;
  /** How long a lookup is trusted before the control plane is asked again (default in config: 5 min). */
  ttlMs: number;
  now?: () => number;
  observer?: TenancyObserver;
  /**
   * Whether cached routes may be served now. False while this replica cannot hear control-plane
   * changes (its listener is down): every resolve then asks the control plane. Default: always.
   */
  trustCache?: () => boolean;
}

/**
 * Looks up a tenant's datasource in the control plane and caches the answer for `ttlMs`.
 * Concurrent lookups of one tenant share a single query; invalidation drops entries at once (the
 * change feed calls it on every replica). A lookup that cannot reach the control plane fails with
 * CONTROL_PLANE_UNAVAILABLE.
 */
export class DatasourceRegistry {
  private readonly cache = new Map<string, CachedRoute>();
  private readonly now: () => number;
  lookups = 0;

  constructor(private readonly options: DatasourceRegistryOptions) {
    this.now = options.now ?? Date.now;
  }

  resolve(tenantId: string): Promise<TenantRoute> {
    const cached = this.cache.get(tenantId);
    // An untrusted cache still shares a lookup in flight (it reads the control plane now), so one
    // request's prefetch and acquire cost one query.
    const usable = (this.options.trustCache?.() ?? true) || cached?.datasourceId === undefined;
    if (cached && cached.expiresAt > this.now() && usable) {
      return cached.promise;
    }
    const entry: CachedRoute = { promise: this.lookup(tenantId), expiresAt: this.now() + this.options.ttlMs };
    this.cache.set(tenantId, entry);
    entry.promise.then(
      (route) => {
        entry.datasourceId = route.datasource.id;
      },
      () => {
        if (this.cache.get(tenantId) === entry) {
          this.cache.delete(tenantId);
        }
      },
    );
    return entry.promise;
  }

  /** Forget one tenant's route (its datasource or status changed). */
  invalidateTenant(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  /**
   * Forget every tenant routed to a datasource (its secret or settings changed), and every lookup
   * still running, which may have read the row from before the change.
   */
  invalidateDatasource(datasourceId: string): void {
    for (const [tenantId, entry] of this.cache) {
      if (entry.datasourceId === datasourceId || entry.datasourceId === undefined) {
        this.cache.delete(tenantId);
      }
    }
  }

  clear(): void {
    this.cache.clear();
  }

  private async lookup(tenantId: string): Promise<TenantRoute> {
    this.lookups += 1;
    const started = performance.now();
    const tenant = await failClosed(() => this.options.control.tenant.findUnique({ where: { id: tenantId }, include: { datasource: true } }));
    this.options.observer?.routeLookedUp?.(tenantId, performance.now() - started);
    if (!tenant) {
      throw new AppError(ErrorCode.TENANT_UNAVAILABLE, 'this tenant does not exist or has been removed');
    }
    const ds = tenant.datasource;
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      status: tenant.status,
      schemaVersion: tenant.schemaVersion,
      datasource: {
        id: ds.id,
        name: ds.name,
        kind: ds.kind,
        encryptedUrl: ds.encryptedUrl,
        keyId: ds.keyId,
        credentialVersion: ds.credentialVersion,
        poolMax: ds.poolMax,
      },
    };
  }
}
