import { type Command } from 'commander';
import { createApp, type App } from '../../app.js';
import { startDevEnvironment } from '../../devdb/dev-environment.js';
import { EmbeddedPostgresError } from '../../devdb/embedded-server.js';
import { createLogger, type Logger } from '../../logging/logger.js';
import { devBanner } from '../banner.js';
import { ExitCode } from '../exit-codes.js';
import { shutdownRequested, stopWithExitCode } from '../shutdown-signals.js';
import { type CliDeps } from '../program.js';

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
        const stopping = shutdownRequested((line) => deps.io.stderr.write(`${line}\n`));
        return runLogged(logger, deps, async () => {
          const dev = await startDevEnvironment(config, logger);
          deps.io.stdout.write(devBanner(dev, config.explorer, Date.now() - started));
          await stopping;
          return await stopWithExitCode(() => dev.stop());
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
        const stopping = shutdownRequested((line) => deps.io.stderr.write(`${line}\n`));
        return runLogged(logger, deps, async () => {
          const app: App = await createApp(config, { logger });
          logger.info({ url: `${app.url}/graphql`, ms: Date.now() - started }, 'tenantgate is serving');
          await stopping;
          return await stopWithExitCode(() => app.close());
        });
      }),
    );
}

async function runLogged(logger: Logger, deps: CliDeps, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) {
      // Something on this machine to fix, said to the person at the terminal in plain words.
      deps.io.stderr.write(`\nerror: ${error.message}\n\n`);
      return ExitCode.FAILURE;
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    logger.error({ errorClass: failure.name, code: (failure as { code?: unknown }).code }, failure.message);
    return ExitCode.FAILURE;
  }
}
