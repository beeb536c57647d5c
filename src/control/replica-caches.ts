import { type MembershipChecker } from '../auth/membership-checker.js';
import { type DatasourceRegistry } from '../tenancy/datasource-registry.js';
import { type TenantClientPool } from '../tenancy/tenant-client-pool.js';
import { type ControlChange } from './change-feed.js';

/** What a replica caches from the control plane. */
export interface ReplicaCaches {
  registry: DatasourceRegistry;
  pool: Pick<TenantClientPool, 'evictDatasource'>;
  memberships: MembershipChecker;
}

/** Drops what one published change made stale; the next request reads the control plane again. */
export function applyChange(caches: ReplicaCaches, change: ControlChange): void {
  switch (change.kind) {
    case 'tenant':
      caches.registry.invalidateTenant(change.tenantId);
      return;
    case 'datasource':
      caches.registry.invalidateDatasource(change.datasourceId);
      if (change.reconnect) {
        caches.pool.evictDatasource(change.datasourceId);
      }
      return;
    case 'membership':
      caches.memberships.forget(change.userId, change.tenantId);
      return;
  }
}

/**
 * Drops every cached route and membership, after the listener re-subscribed and may have missed
 * changes. Open datasource pools stay: they are keyed by datasource and credential version, so a
 * route read afresh that carries a new credential builds a new pool, and one that no longer routes
 * anywhere goes idle and is closed.
 */
export function dropAll(caches: ReplicaCaches): void {
  caches.registry.clear();
  caches.memberships.clear();
}
