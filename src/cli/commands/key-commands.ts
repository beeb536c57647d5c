import { type Command } from 'commander';
import { encryptDatasourceUrl } from '../../ops/keys/datasource-envelope.js';
import { rotateKeys } from '../../ops/keys/key-rotation.js';
import { readKeyStatus } from '../../ops/keys/key-status.js';
import { withControlPlane } from '../control-plane.js';
import { ExitCode } from '../exit-codes.js';
import { listenForInterrupt } from '../interrupt.js';
import { jsonOption, positiveInteger, type CliDeps } from '../program.js';
import { readSecret } from '../prompts.js';

/** `datasource encrypt`, `keys rotate`, `keys status`. */
export function registerKeyCommands(program: Command, deps: CliDeps): void {
  program
    .command('datasource')
    .description('datasource secrets')
    .command('encrypt')
    .description('seal a datasource URL (read from stdin or a hidden prompt) under the active key and print the envelope')
    .option('--datasource-id <uuid>', 'the datasource row the envelope is for (default: a new id, printed)')
    .addOption(jsonOption())
    .action(
      deps.action(async (options: { datasourceId?: string; json?: boolean }) => {
        const config = deps.config();
        const url = await readSecret('datasource URL (postgresql://...)', deps.io.stdin);
        const sealed = encryptDatasourceUrl(config.keyRing, url, options.datasourceId);
        deps.output(options).result(sealed, () =>
          [`datasource id  ${sealed.datasourceId}`, `key id         ${sealed.keyId}`, `envelope       ${sealed.envelope}`].join('\n'),
        );
        return ExitCode.OK;
      }),
    );
  const keys = program.command('keys').description('encryption keys of the stored datasource secrets');
  keys
    .command('rotate')
    .description('re-seal every secret under the active key while gateways serve; re-runnable, batch by batch')
    .option('--batch-size <n>', 'secrets per transaction', positiveInteger, 100)
    .addOption(jsonOption())
    .action(
      deps.action(async (options: { batchSize: number; json?: boolean }) => {
        const output = deps.output(options);
        const config = deps.config();
        const interrupt = listenForInterrupt((line) => output.note(line));
        try {
          const result = await withControlPlane(config, async (control) => {
            let done = 0;
            const total = await control.datasource.count({ where: { keyId: { not: config.keyRing.active.id } } });
            const progress = output.progress(Math.ceil(total / options.batchSize), 'rotate');
            try {
              return await rotateKeys({
                control,
                keyRing: config.keyRing,
                batchSize: options.batchSize,
                shouldStop: () => interrupt.signal.aborted,
                onBatch: ({ rotated }) => progress.tick(`${rotated - done} re-sealed (${(done = rotated)}/${total})`),
              });
            } finally {
              progress.stop();
            }
          });
          output.result(result, () =>
            [
              `${result.rotated} of ${result.total} secret(s) re-sealed under key ${result.activeKeyId}${result.interrupted ? ' (interrupted: run again to continue)' : ''}`,
              ...result.failed.map((failure) => `  FAILED ${failure.datasource} (key ${failure.keyId}): ${failure.reason}`),
              result.raced > 0 ? `  ${result.raced} changed meanwhile; run again to check them` : null,
              'check `tenantgate keys status` before dropping an old key from TENANTGATE_ENCRYPTION_KEYS_PREVIOUS',
            ]
              .filter((line) => line !== null)
              .join('\n'),
          );
          if (result.interrupted) {
            return ExitCode.INTERRUPTED;
          }
          return result.failed.length > 0 ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
          interrupt.dispose();
        }
      }),
    );
  keys
    .command('status')
    .description('how many secrets each key id still holds, and which old keys may be dropped')
    .addOption(jsonOption())
    .action(
      deps.action(async (options: { json?: boolean }) => {
        const output = deps.output(options);
        const config = deps.config();
        const status = await withControlPlane(config, (control) => readKeyStatus(control, config.keyRing));
        output.result(status, () =>
          [
            output.table(
              ['key id', 'secrets', 'role'],
              status.keys.map((key) => [key.keyId, key.secrets, key.active ? 'active' : key.configured ? 'previous' : 'NOT CONFIGURED']),
            ),
            status.pending > 0 ? `${status.pending} secret(s) not under the active key: run \`tenantgate keys rotate\`` : 'every secret is under the active key',
            status.droppable.length > 0 ? `may be dropped from TENANTGATE_ENCRYPTION_KEYS_PREVIOUS: ${status.droppable.join(', ')}` : null,
            status.mismatched.length > 0 ? `key_id column disagrees with the envelope for: ${status.mismatched.join(', ')}` : null,
          ]
            .filter((line) => line !== null)
            .join('\n'),
        );
        // A secret under a key no process has cannot be opened: that is a failure to act on.
        return status.keys.some((key) => key.secrets > 0 && !key.configured) ? ExitCode.FAILURE : ExitCode.OK;
      }),
    );
}
