import { type Command } from 'commander';
import { type BulkSeedResult, bulkSeedTenant } from '../../ops/tenant-data/bulk-seed/bulk-seed.js';
import { SeedInterrupted, type SeedEvent } from '../../ops/tenant-data/bulk-seed/seed-transaction.js';
import { resolveSeedTarget } from '../../ops/tenant-data/bulk-seed/seed-target.js';
import { MAX_SEED_ROWS } from '../../ops/tenant-data/bulk-seed/seed-shape.js';
import { SEED_TABLES } from '../../devdb/demo-seed/index.js';
import { UsageError } from '../cli-io.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { seedJson, seedText } from './tenant-seed-format.js';

interface SeedOptions {
  rows: number;
  exclusive?: boolean;
  json?: boolean;
}

/** `--rows`: a positive integer up to {@link MAX_SEED_ROWS}, or a usage error (exit 2). */
function seedRows(value: string): number {
  const rows = positiveInteger(value);
  if (rows > MAX_SEED_ROWS) {
    throw new UsageError(`--rows is at most ${MAX_SEED_ROWS} (got ${value})`);
  }
  return rows;
}

/** `tenants seed`: a thin layer over {@link bulkSeedTenant}. */
export function registerTenantSeedCommand(tenants: Command, deps: CliDeps): void {
  tenants
    .command('seed <slug>')
    .description('grow a tenant to production size: about N consistent rows over every business table, in one transaction')
    .requiredOption('--rows <n>', `about how many rows to add (1 to ${MAX_SEED_ROWS}), e.g. 1200000`, seedRows)
    .option('--exclusive', "take the tables until commit, 2-3x faster (default on a dedicated datasource; on a pooled one every tenant's writes wait meanwhile)")
    .option('--no-exclusive', 'insert with every row checked, the tables staying usable (default on a pooled datasource; slower)')
    .addOption(jsonOption())
    .action(deps.action((slug: string, options: SeedOptions) => runSeed(deps, slug, options)));
}

async function runSeed(deps: CliDeps, slug: string, options: SeedOptions): Promise<number> {
  const output = deps.output(options);
  const config = deps.config();
  const target = await withControlPlane(config, (control) => resolveSeedTarget({ control, keyRing: config.keyRing }, slug));
  const exclusive = options.exclusive ?? target.datasource.kind === 'DEDICATED';
  // Progress is for someone watching: the summary lists every table anyway.
  const progress = deps.io.isTTY ? output.progress(SEED_TABLES.length + (exclusive ? 3 : 2), 'seed') : undefined;
  const interrupt = listenForInterrupt((line) => output.note(line), 'rolling the seed back unless it has committed');
  let result: BulkSeedResult;
  try {
    result = await bulkSeedTenant(target, { rows: options.rows, exclusive, signal: interrupt.signal, onEvent: (event) => progress?.tick(progressLine(event)) });
  } catch (error) {
    if (error instanceof SeedInterrupted) {
      output.note(error.message);
      return ExitCode.INTERRUPTED;
    }
    throw error;
  } finally {
    progress?.stop();
    interrupt.dispose();
  }
  output.result(seedJson(result), () => seedText(output, result));
  return ExitCode.OK;
}

function progressLine(event: SeedEvent): string {
  switch (event.kind) {
    case 'table':
      return `${event.table}  ${event.rows.toLocaleString('en-US')} rows  ${event.seconds.toFixed(1)} s`;
    case 'restored':
      return `${event.rebuilt ? 'indexes and foreign keys rebuilt' : 'same-tenant checks restored'}  ${event.seconds.toFixed(1)} s`;
    case 'committed':
      return `committed ${event.rows.toLocaleString('en-US')} rows, vacuuming`;
    case 'vacuumed':
      return `vacuumed and analyzed  ${event.seconds.toFixed(1)} s`;
  }
}
