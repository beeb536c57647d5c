import { createApp, type App } from '../app.js';
import { loadConfig } from '../config/load-config.js';
import { startDevEnvironment } from '../devdb/dev-environment.js';
import { createLogger } from '../logging/logger.js';
import { devBanner } from './banner.js';

const USAGE = `usage: tenantgate <command>

commands:
  dev     start the demo: embedded PostgreSQL (unless DATABASE_URL is set), demo tenants, gateway
  serve   serve the gateway against the control plane in DATABASE_URL
  help    show this message

Configuration comes from environment variables; see .env.example.`;

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

/** Runs one CLI command and resolves with the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'dev' && command !== 'serve') {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  let config;
  try {
    config = loadConfig(env, (message) => process.stderr.write(`${message}\n`));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  try {
    if (command === 'dev') {
      const dev = await startDevEnvironment(config, logger);
      process.stdout.write(devBanner(dev, Date.now() - started));
      return await onShutdown(() => dev.stop());
    }
    if (!config.controlDatabaseUrl) {
      process.stderr.write('DATABASE_URL is required for `tenantgate serve` (use `tenantgate dev` for the embedded demo)\n');
      return 1;
    }
    const app: App = await createApp(config, { logger });
    logger.info({ url: `${app.url}/graphql`, ms: Date.now() - started }, 'tenantgate is serving');
    return await onShutdown(() => app.close());
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    logger.error({ errorClass: failure.name, code: (failure as { code?: unknown }).code }, failure.message);
    return 1;
  }
}
