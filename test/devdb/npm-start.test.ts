import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/devdb/demo-fleet.js';
import { projectRoot } from '../../src/paths.js';
import { postGraphQL } from '../support/graphql-client.js';
import { eventually, freePort, isAlive, isListening } from '../support/processes.js';

/** `npm start` exactly as a newcomer runs it, in its own process group like a service's. */
interface StartedDemo {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

// A private directory (mkdtemp makes it 0700), as a root shell's home or a container's is: the
// embedded PostgreSQL runs as another user when we are root and must still start.
const home = mkdtempSync(join(tmpdir(), 'tenantgate-npm-start-'));
const dataDir = join(home, 'data');
let ports: { http: number; postgres: number };
const running: ChildProcess[] = [];

function npmStart(): StartedDemo {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports.http),
    EMBEDDED_PG_PORT: String(ports.postgres),
    TENANTGATE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_OPTIONS;
  delete env.DATABASE_URL;
  const npm = spawn('npm', ['start'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(npm);
  let text = '';
  npm.stdout?.on('data', (chunk) => (text += String(chunk)));
  npm.stderr?.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  return { npm, output: () => text, exited };
}

async function untilServing(demo: StartedDemo): Promise<void> {
  const up = await eventually(() => demo.output().includes('Press Ctrl+C to stop.') || demo.npm.exitCode !== null, 180_000);
  if (!up || demo.npm.exitCode !== null) {
    throw new Error(`npm start did not come up:\n${demo.output()}`);
  }
}

/** The node process npm started (the start script execs it in place of the shell). */
function gatewayPid(npmPid: number): number {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === npmPid;
      } catch {
        return false;
      }
    });
  const gateway = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tenantgate.js'));
  if (!gateway) {
    throw new Error(`no gateway process under npm (pid ${npmPid})`);
  }
  return Number(gateway);
}

function postmasterPid(): number {
  return Number(readFileSync(join(realpathSync(join(dataDir, 'postgres')), 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function loginAndCountAccounts(): Promise<number> {
  const base = `http://127.0.0.1:${ports.http}`;
  const login = await postGraphQL<{ login: { accessToken: string } }>(base, 'mutation($p: String!) { login(email: "owner@acme.dev", password: $p, tenantSlug: "acme") { accessToken } }', {
    variables: { p: DEMO_PASSWORD },
  });
  expect(login.errors).toEqual([]);
  const accounts = await postGraphQL<{ accounts: { totalCount: number } }>(base, '{ accounts { totalCount } }', { token: login.data?.login.accessToken });
  expect(accounts.errors).toEqual([]);
  return accounts.data?.accounts.totalCount ?? 0;
}

beforeAll(async () => {
  ports = { http: await freePort(), postgres: await freePort() };
});

afterAll(() => {
  for (const child of running) {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGKILL');
    }
  }
  try {
    rmSync(realpathSync(join(dataDir, 'postgres')), { recursive: true, force: true });
  } catch {
    // Never created: the first start failed, and its assertion says why.
  }
  rmSync(home, { recursive: true, force: true });
});

test('npm start serves the demo from a private directory; SIGTERM to npm alone stops the gateway and PostgreSQL; a second start reuses the ports', async () => {
  const first = npmStart();
  await untilServing(first);
  expect(await loginAndCountAccounts()).toBeGreaterThan(0);
  const gateway = gatewayPid(first.npm.pid as number);
  const postmaster = postmasterPid();

  process.kill(first.npm.pid as number, 'SIGTERM');
  await first.exited;
  expect(await eventually(() => !isAlive(gateway) && !isAlive(postmaster), 20_000)).toBe(true);
  expect(await isListening(ports.http)).toBe(false);
  expect(await isListening(ports.postgres)).toBe(false);

  const second = npmStart();
  await untilServing(second);
  expect(await loginAndCountAccounts()).toBeGreaterThan(0);
  const secondPostmaster = postmasterPid();
  process.kill(second.npm.pid as number, 'SIGKILL');
  // npm died without forwarding anything: the gateway notices its parent is gone and stops both.
  expect(await eventually(async () => !(await isListening(ports.http)) && !isAlive(secondPostmaster), 20_000)).toBe(true);
}, 420_000);
