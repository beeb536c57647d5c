import { type TenantSummary } from '../../ops/tenants/tenant-catalog.js';
import { type CommandOutput } from '../output.js';

/** A tenant as `--json` prints it: the summary without Prisma's `_count`. */
export function tenantJson({ _count, ...tenant }: TenantSummary) {
  return { ...tenant, memberCount: _count.memberships };
}

/** The fleet table of `tenants list`. */
export function tenantTable(output: CommandOutput, tenants: TenantSummary[]): string {
  if (tenants.length === 0) {
    return 'no tenants match';
  }
  return output.table(
    ['slug', 'name', 'status', 'datasource', 'kind', 'schema version', 'members'],
    tenants.map((t) => [t.slug, t.name, t.status, t.datasource.name, t.datasource.kind, t.schemaVersion, t._count.memberships]),
  );
}

/** The key: value lines of `tenants show`. */
export function tenantDetails(tenant: TenantSummary): string {
  const rows: [string, string | number][] = [
    ['slug', tenant.slug],
    ['id', tenant.id],
    ['name', tenant.name],
    ['status', tenant.status],
    ['schema version', tenant.schemaVersion ?? '(none recorded)'],
    ['datasource', `${tenant.datasource.name} (${tenant.datasource.kind}, region ${tenant.datasource.region}, pool ${tenant.datasource.poolMax})`],
    ['sealed with key', `${tenant.datasource.keyId} (credential v${tenant.datasource.credentialVersion})`],
    ['members', tenant._count.memberships],
    ['created', tenant.createdAt.toISOString()],
  ];
  return rows.map(([key, value]) => `${key.padEnd(16)}${value}`).join('\n');
}

/** What a status change means for running gateways, said once after it. */
export const GATEWAY_NOTE =
  'running gateways were told with the commit and apply it to the tenant\'s next request';
