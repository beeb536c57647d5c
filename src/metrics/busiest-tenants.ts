/** The label of every tenant that is not among the busiest. */
export const OTHER_TENANTS = 'other';

/** Options of {@link BusiestTenants}; defaults come from config. */
export interface BusiestTenantsOptions {
  /** Tenants that get a label of their own (config default 20, `METRICS_TOP_TENANTS`); 0 labels none. */
  limit: number;
  /** Requests are counted per window of this length (config default 60 s, `METRICS_TOP_TENANTS_WINDOW_MS`). */
  windowMs: number;
  /** Told when a tenant loses its label, so its series can be removed. */
  onDropped(tenantId: string): void;
  now?: () => number;
}

/**
 * Chooses which tenants get a metric label of their own: the `limit` tenants with most requests in
 * the last window, and in a process's first window (or while labels are free) the first tenants
 * seen. Everyone else is `other`, so the label set never grows past `limit + 1` whatever the
 * number of tenants; a tenant that falls out of the top loses its series.
 */
export class BusiestTenants {
  private readonly now: () => number;
  private counts = new Map<string, number>();
  private labelled = new Set<string>();
  private windowEnds: number;

  constructor(private readonly options: BusiestTenantsOptions) {
    this.now = options.now ?? Date.now;
    this.windowEnds = this.now() + options.windowMs;
  }

  /** Counts one request of `tenantId` and returns its label: its id, or `other`. */
  label(tenantId: string): string {
    const now = this.now();
    if (now >= this.windowEnds) {
      this.roll(now);
    }
    this.counts.set(tenantId, (this.counts.get(tenantId) ?? 0) + 1);
    if (this.labelled.has(tenantId)) {
      return tenantId;
    }
    if (this.labelled.size < this.options.limit) {
      this.labelled.add(tenantId);
      return tenantId;
    }
    return OTHER_TENANTS;
  }

  private roll(now: number): void {
    const busiest = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.options.limit);
    const next = new Set(busiest.map(([tenantId]) => tenantId));
    for (const tenantId of this.labelled) {
      if (!next.has(tenantId)) {
        this.options.onDropped(tenantId);
      }
    }
    this.labelled = next;
    this.counts = new Map();
    this.windowEnds = now + this.options.windowMs;
  }
}
