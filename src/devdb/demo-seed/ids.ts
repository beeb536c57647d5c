import { createHash } from 'node:crypto';

/**
 * Deterministic, UUID-shaped row ids: a hash of tenant id, table and a per-table counter. Rerunning
 * the seed for the same tenant yields the same ids, while tenants that share a pooled database can
 * never collide (the primary key is global, not per tenant). Shaped as an RFC 9562 version 8
 * ("custom") UUID so Postgres and any UUID validator accept it.
 */
export class IdFactory {
  private readonly counters = new Map<string, number>();

  constructor(private readonly tenantId: string) {}

  /** The next id for `table`. */
  next(table: string): string {
    const index = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, index);
    const hex = createHash('sha256').update(`${this.tenantId}/${table}/${index}`).digest('hex');
    const version = `8${hex.slice(13, 16)}`;
    const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
  }
}

/** A stable lowercase hex digest, used for attachment checksums. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
