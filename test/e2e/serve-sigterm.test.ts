import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { formatEncryptionKey } from '../../src/crypto/key-ring.js';
import { spawnCli, type CliProcess } from '../support/cli-process.js';
import { postGraphQL, type RawGraphQLResult } from '../support/graphql-client.js';
import { eventually, freePort, isListening } from '../support/processes.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

/** Requests in flight when the signal arrives. */
const IN_FLIGHT = 60;
/** A real process on a machine that may be busy with other suites: generous, never the normal wait. */
const PROCESS_WAIT_MS = 60_000;

let fleet: TestFleet;
let serve: CliProcess | undefined;

beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGKILL');
  }
  await fleet?.close();
});

/** The gauge's value in a Prometheus text exposition. */
async function leasesInUse(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith('tenantgate_tenant_leases_in_use '));
  return Number(line?.split(' ')[1] ?? NaN);
}

test('SIGTERM during load: every request already received gets its full answer, new connections are refused, exit 0', async () => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  serve = spawnCli(['serve'], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: fleet.databases.control.url,
    TENANTGATE_ENCRYPTION_KEY: formatEncryptionKey(fleet.config.keyRing.active),
    JWT_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_USER_REQUESTS: '0',
    RATE_LIMIT_TENANT_REQUESTS: '0',
    // Every request waits for one of the datasource's two connections; none may give up first.
    TENANT_BUDGET_WAIT_MS: '120000',
    SHUTDOWN_DRAIN_MS: '120000',
  });
  expect(await eventually(() => isListening(port), PROCESS_WAIT_MS)).toBe(true);
  const login = await postGraphQL<{ login: { accessToken: string } }>(
    baseUrl,
    'mutation { login(email: "owner@acme.test", password: "correct horse battery staple") { accessToken } }',
  );
  const token = login.data?.login.accessToken as string;
  const accounts = () => postGraphQL<{ accounts: { totalCount: number } }>(baseUrl, '{ accounts { totalCount } }', { token });
  const expected = (await accounts()).data?.accounts.totalCount;
  expect(typeof expected).toBe('number');

  // Hold the tenant's table so every request stays in flight until the test lets go.
  const blocker = new pg.Client({ connectionString: fleet.tenants.acme.url });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
  const answers: Promise<RawGraphQLResult<{ accounts: { totalCount: number } }>>[] = [];
  for (let i = 0; i < IN_FLIGHT; i += 1) {
    answers.push(accounts());
  }
  expect(await eventually(async () => (await leasesInUse(baseUrl)) === IN_FLIGHT, PROCESS_WAIT_MS)).toBe(true);

  serve.child.kill('SIGTERM');
  expect(await eventually(async () => !(await isListening(port)), PROCESS_WAIT_MS)).toBe(true);
  await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
  expect(serve.child.exitCode).toBeNull();

  await blocker.query('COMMIT');
  await blocker.end();
  const results = await Promise.all(answers);
  expect(results.map((result) => result.status)).toEqual(Array.from({ length: IN_FLIGHT }, () => 200));
  expect(results.flatMap((result) => result.errors)).toEqual([]);
  expect(new Set(results.map((result) => result.data?.accounts.totalCount))).toEqual(new Set([expected]));
  expect(await serve.exited).toBe(0);
  expect(serve.stderr()).toMatch(/SIGTERM received, shutting down/);
});
