import { confirm, password } from '@inquirer/prompts';
import { type CliIo, UsageError } from './cli-io.js';

type Input = NonNullable<CliIo['stdin']>;

/**
 * Reads a secret (a connection URL) without it ever being a command-line argument, which `ps`
 * and shell history would keep: from a hidden prompt on a terminal, else the first line of `input`.
 *
 * @throws UsageError when stdin is empty.
 */
export async function readSecret(message: string, input: Input = process.stdin): Promise<string> {
  if (input.isTTY === true) {
    return (await password({ message, mask: true }, { input, output: process.stderr })).trim();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) {
    chunks.push(Buffer.from(chunk as Buffer));
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]?.trim() ?? '';
  if (line.length === 0) {
    throw new UsageError(`${message}: nothing on stdin (pipe it in, or run on a terminal for a hidden prompt)`);
  }
  return line;
}

/**
 * Asks before a destructive step. `--yes` answers for the operator; without a terminal to ask on,
 * the command refuses rather than guess.
 *
 * @returns whether to go ahead.
 * @throws UsageError without `--yes` and without a terminal.
 */
export async function confirmDestructive(message: string, yes: boolean | undefined, input: Input = process.stdin): Promise<boolean> {
  if (yes === true) {
    return true;
  }
  if (input.isTTY !== true) {
    throw new UsageError(`${message} — refusing without a terminal to confirm on; pass --yes to confirm`);
  }
  return confirm({ message, default: false }, { input, output: process.stderr });
}
