import { type Command } from 'commander';
import { TenantStatus } from '../../generated/control/enums.js';
import { findTenant, listTenants } from '../../ops/tenants/tenant-catalog.js';
import { setTenantStatus } from '../../ops/tenants/tenant-status.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { jsonOption, type CliDeps } from '../program.js';
import { registerTenantCreateCommand, registerTenantDeleteCommand } from './tenant-lifecycle-commands.js';
import { registerTenantMoveCommand } from './tenant-move-command.js';
import { registerTenantSeedCommand } from './tenant-seed-command.js';
import { GATEWAY_NOTE, tenantDetails, tenantJson, tenantTable } from './tenant-format.js';

const STATUS_COMMANDS = [
  { name: 'suspend', status: TenantStatus.SUSPENDED, what: 'refuse every request of the tenant (FORBIDDEN)' },
  { name: 'resume', status: TenantStatus.ACTIVE, what: 'serve the tenant again, reads and writes' },
  { name: 'read-only', status: TenantStatus.READ_ONLY, what: 'serve reads, refuse writes with TENANT_READ_ONLY' },
] as const;

/** `tenants list | show | create | seed | suspend | resume | read-only | delete | move`. */
export function registerTenantCommands(program: Command, deps: CliDeps): void {
  const tenants = program.command('tenants').description('list, inspect, create, seed, suspend, resume, delete and move tenants');
  tenants
    .command('list')
    .description('every tenant with its status, datasource and schema version')
    .option('--status <status>', 'only ACTIVE, READ_ONLY or SUSPENDED tenants')
    .option('--datasource <name>', 'only tenants on this datasource')
    .option('--search <text>', 'part of the slug or name')
    .addOption(jsonOption())
    .action(
      deps.action(async (options: { status?: TenantStatus; datasource?: string; search?: string; json?: boolean }) => {
        const output = deps.output(options);
        const found = await withControlPlane(deps.config(), (control) => listTenants(control, options));
        output.result({ tenants: found.map(tenantJson) }, () => tenantTable(output, found));
        return ExitCode.OK;
      }),
    );
  tenants
    .command('show <slug>')
    .description('one tenant in detail (slug or id)')
    .addOption(jsonOption())
    .action(
      deps.action(async (slug: string, options: { json?: boolean }) => {
        const tenant = await withControlPlane(deps.config(), (control) => findTenant(control, slug));
        deps.output(options).result({ tenant: tenantJson(tenant) }, () => tenantDetails(tenant));
        return ExitCode.OK;
      }),
    );
  for (const { name, status, what } of STATUS_COMMANDS) {
    tenants
      .command(`${name} <slug>`)
      .description(what)
      .addOption(jsonOption())
      .action(
        deps.action(async (slug: string, options: { json?: boolean }) => {
          const output = deps.output(options);
          const change = await withControlPlane(deps.config(), (control) => setTenantStatus(control, slug, status));
          output.result({ tenant: tenantJson(change.tenant), previous: change.previous, changed: change.changed }, () =>
            change.changed ? `${change.tenant.slug}: ${change.previous} → ${status}` : `${change.tenant.slug} is already ${status}`,
          );
          if (change.changed) {
            output.note(GATEWAY_NOTE);
          }
          return ExitCode.OK;
        }),
      );
  }
  registerTenantCreateCommand(tenants, deps);
  registerTenantSeedCommand(tenants, deps);
  registerTenantDeleteCommand(tenants, deps);
  registerTenantMoveCommand(tenants, deps);
}
