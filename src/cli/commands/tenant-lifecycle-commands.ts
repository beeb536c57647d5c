import { type Command } from 'commander';
import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { decryptDatasourceUrl } from '../../ops/provisioning/datasource-registration.js';
import { withDatabase } from '../../ops/provisioning/database-creation.js';
import { findTenant } from '../../ops/tenants/tenant-catalog.js';
import { CREATION_STEPS, createTenant } from '../../ops/tenants/tenant-creation.js';
import { deleteTenant, type TenantDataDisposal } from '../../ops/tenants/tenant-deletion.js';
import { type TenantPlacement } from '../../ops/tenants/tenant-placement.js';
import { UsageError } from '../cli-io.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { confirmDestructive, readSecret } from '../prompts.js';

interface CreateOptions {
  name: string;
  owner: string;
  datasource?: string;
  newDatabase?: string | true;
  onServerOf?: string;
  poolMax?: number;
  region?: string;
  seed?: boolean;
  json?: boolean;
}

/** `tenants create`: a thin layer over {@link createTenant}. */
export function registerTenantCreateCommand(tenants: Command, deps: CliDeps): void {
  tenants
    .command('create <slug>')
    .description('provision a tenant, all or nothing: database, migrations, optional demo data, owner, sealed datasource')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--owner <email>', 'the OWNER; an unknown email gets an account with an initial password, printed once')
    .option('--datasource <name>', 'place it on this existing datasource (name or id), e.g. a pooled one')
    .option('--new-database [name]', 'create a dedicated database for it (default tenant_<slug>)')
    .option('--on-server-of <datasource>', "with --new-database: create it on this datasource's server, with its credentials; otherwise the server URL is read from stdin or a hidden prompt")
    .option('--pool-max <n>', 'connections per gateway for a new database', positiveInteger)
    .option('--region <region>', 'region label of a new database')
    .option('--seed', 'fill it with demo data')
    .addOption(jsonOption())
    .action(
      deps.action(async (slug: string, options: CreateOptions) => {
        const output = deps.output(options);
        const config = deps.config();
        const result = await withControlPlane(config, async (control) => {
          const placement = await placementOf(control, config.keyRing, options, deps);
          const progress = output.progress(CREATION_STEPS.length, 'create');
          try {
            return await createTenant(
              { control, keyRing: config.keyRing, onStep: (step) => progress.tick(step) },
              { slug, name: options.name, ownerEmail: options.owner, seed: options.seed === true, placement },
            );
          } finally {
            progress.stop();
          }
        });
        output.result(result, () =>
          [
            `created tenant ${result.tenant.slug} (${result.tenant.id}) on datasource ${result.datasource.name} (${result.datasource.kind})`,
            result.createdDatabase === null ? null : `  database      ${result.createdDatabase} (created)`,
            `  migrations    ${result.migrationsApplied.length} applied, schema ${result.tenant.schemaVersion}`,
            `  demo rows     ${result.seededRows}`,
            `  owner         ${options.owner.trim().toLowerCase()}`,
            result.ownerInitialPassword === null ? null : `  initial password (shown once): ${result.ownerInitialPassword}`,
          ]
            .filter((line) => line !== null)
            .join('\n'),
        );
        return ExitCode.OK;
      }),
    );
}

async function placementOf(control: ControlClient, keyRing: KeyRing, options: CreateOptions, deps: CliDeps): Promise<TenantPlacement> {
  if ((options.datasource === undefined) === (options.newDatabase === undefined)) {
    throw new UsageError('give exactly one of --datasource <name> and --new-database [name]');
  }
  if (options.datasource !== undefined) {
    return { kind: 'datasource', datasource: { id: (await datasourceNamed(control, options.datasource)).id } };
  }
  return newDatabasePlacement(control, keyRing, options, deps);
}

/**
 * The `new-database` placement of `--new-database [name]`, `--on-server-of`, `--pool-max` and
 * `--region` (`tenants create` and `tenants move`): the server URL comes from the named
 * datasource's credentials, or from stdin or a hidden prompt.
 */
export async function newDatabasePlacement(
  control: ControlClient,
  keyRing: KeyRing,
  options: Pick<CreateOptions, 'newDatabase' | 'onServerOf' | 'poolMax' | 'region'> & { datasourceName?: string },
  deps: CliDeps,
): Promise<Extract<TenantPlacement, { kind: 'new-database' }>> {
  const serverUrl =
    options.onServerOf === undefined
      ? await readSecret('server URL (postgresql://, a role with CREATEDB)', deps.io.stdin)
      : withDatabase(decryptDatasourceUrl(keyRing, await datasourceNamed(control, options.onServerOf)), 'postgres');
  return {
    kind: 'new-database',
    serverUrl,
    database: typeof options.newDatabase === 'string' ? options.newDatabase : undefined,
    datasourceName: options.datasourceName,
    poolMax: options.poolMax,
    region: options.region,
  };
}

async function datasourceNamed(control: ControlClient, nameOrId: string) {
  const byId = /^[0-9a-f-]{36}$/i.test(nameOrId);
  const datasource = await control.datasource.findUnique({ where: byId ? { id: nameOrId } : { name: nameOrId } });
  if (datasource === null) {
    throw new UsageError(`no datasource "${nameOrId}"`);
  }
  return datasource;
}

/** `tenants delete`: confirmation, then {@link deleteTenant}. */
export function registerTenantDeleteCommand(tenants: Command, deps: CliDeps): void {
  tenants
    .command('delete <slug>')
    .description('delete a tenant: suspend it, dispose of its data, remove its control-plane rows (re-runnable)')
    .option('--drop-database', 'drop its dedicated database')
    .option('--purge-rows', "delete its rows from its datasource (a pooled one keeps other tenants' rows)")
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)')
    .addOption(jsonOption())
    .action(
      deps.action(async (slug: string, options: { dropDatabase?: boolean; purgeRows?: boolean; yes?: boolean; json?: boolean }) => {
        if (options.dropDatabase === true && options.purgeRows === true) {
          throw new UsageError('give at most one of --drop-database and --purge-rows');
        }
        const data: TenantDataDisposal = options.dropDatabase === true ? 'drop-database' : options.purgeRows === true ? 'purge-rows' : 'keep';
        const output = deps.output(options);
        const config = deps.config();
        return withControlPlane(config, async (control) => {
          const tenant = await findTenant(control, slug);
          const consequence = { 'drop-database': `and DROP its database on ${tenant.datasource.name}`, 'purge-rows': `and purge its rows from ${tenant.datasource.name}`, keep: `(its rows stay on ${tenant.datasource.name})` }[data];
          if (!(await confirmDestructive(`Delete tenant "${tenant.slug}" ${consequence}?`, options.yes, deps.io.stdin))) {
            output.note('nothing deleted');
            return ExitCode.FAILURE;
          }
          const result = await deleteTenant({ control, keyRing: config.keyRing }, tenant.id, data);
          const purged = Object.values(result.purged).reduce((sum, n) => sum + n, 0);
          output.result(result, () =>
            [
              `deleted tenant ${result.slug}`,
              data === 'drop-database' ? `  dropped database ${result.droppedDatabase}` : null,
              data === 'purge-rows' ? `  purged ${purged} row(s) from ${Object.keys(result.purged).length} table(s)` : null,
              data === 'keep' ? `  its rows were kept on ${result.datasource}` : null,
              result.datasourceRemoved ? `  removed datasource ${result.datasource}` : null,
            ]
              .filter((line) => line !== null)
              .join('\n'),
          );
          return ExitCode.OK;
        });
      }),
    );
}
