import { runCli } from '../../src/cli/run-cli.js';
import { type CliIo } from '../../src/cli/cli-io.js';

/** Buffers standing in for the process's streams, so the program runs in-process. */
function bufferIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    isTTY: false,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

test('an unknown command exits 2 and points at the usage', async () => {
  const io = bufferIo();
  expect(await runCli(['bogus'], {}, io)).toBe(2);
  expect(io.err()).toMatch(/unknown command 'bogus'[\s\S]*tenantgate help/);
});

test('an unknown option exits 2', async () => {
  const io = bufferIo();
  expect(await runCli(['serve', '--no-such-option'], {}, io)).toBe(2);
  expect(io.err()).toMatch(/unknown option '--no-such-option'/);
});

test('help exits 0 and lists the commands', async () => {
  const io = bufferIo();
  expect(await runCli(['help'], {}, io)).toBe(0);
  expect(io.out()).toMatch(/Usage: tenantgate[\s\S]*dev[\s\S]*serve/);
});

test('no command prints the help and exits 0', async () => {
  const io = bufferIo();
  expect(await runCli([], {}, io)).toBe(0);
  expect(io.out()).toMatch(/Usage: tenantgate/);
});

test('serve in production without an encryption key exits 1 naming the variable', async () => {
  const io = bufferIo();
  expect(await runCli(['serve'], { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db' }, io)).toBe(1);
  expect(io.err()).toMatch(/TENANTGATE_ENCRYPTION_KEY is required/);
});
