import { jest } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';

let stderr: string[];
beforeEach(() => {
  stderr = [];
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
});

test('an unknown command exits 2 and prints the usage', async () => {
  expect(await runCli(['bogus'], {})).toBe(2);
  expect(stderr.join('')).toMatch(/unknown command "bogus"[\s\S]*usage: tenantgate/);
});

test('help exits 0', async () => {
  expect(await runCli(['help'], {})).toBe(0);
});

test('serve in production without an encryption key exits 1 naming the variable', async () => {
  expect(await runCli(['serve'], { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db' })).toBe(1);
  expect(stderr.join('')).toMatch(/TENANTGATE_ENCRYPTION_KEY is required/);
});
