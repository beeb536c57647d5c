import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import { createControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, parseEncryptionKey } from '../../src/crypto/key-ring.js';
import { seedTenantDemoData } from '../../src/devdb/demo-seed/index.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { addMember, upsertUser } from '../../src/ops/provisioning/members.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, projectRoot } from '../../src/paths.js';
import { connectDatasource } from '../../src/tenancy/tenant-client-factory.js';
import { type BenchProfile } from '../bench-profile.js';
import { startServer } from '../servers/server-handle.js';
import { type BenchPostgres } from '../setup/bench-postgres.js';
import { withClient } from '../support/pg-client.js';
import { percentile } from '../support/percentiles.js';
import { ACCOUNTS_PAGE, type ScreenTenant, VOLUME_SCREENS } from './volume-screens.js';

/** One screen on one tenant: response time (ms) and the response's size. */
export interface ScreenFigures {
  p50Ms: number;
  p95Ms: number;
  bytes: number;
}

/** One screen on the grown tenant and on the demo-sized one, measured in the same run. */
export interface ScreenComparison {
  screen: string;
  big: ScreenFigures;
  small: ScreenFigures;
  /** Big p50 over small p50. */
  p50Ratio: number;
}

/** Phase 8: the screens an SPA builds on, on a tenant grown to production size and on a demo-sized one. */
export interface VolumeResults {
  /** Business rows of the grown tenant, and how long `tenants seed` took to add them. */
  bigRows: number;
  seedSeconds: number;
  seedRowsPerSecond: number;
  smallRows: number;
  requestsPerScreen: number;
  screens: ScreenComparison[];
  /** The worst screen's big-over-small p50, and the largest response on the grown tenant. */
  worstP50Ratio: number;
  maxBytes: number;
}

const DATABASES = ['bench_volume_control', 'bench_volume_big', 'bench_volume_small'];
const run = promisify(execFile);
const round = (value: number) => Math.round(value * 100) / 100;

/** A tenant as the phase asks it: its token and what its screens need. */
interface Asked extends ScreenTenant {
  token: string;
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; bytes: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  const parsed = JSON.parse(body) as { errors?: { message: string }[] };
  if (response.status !== 200 || parsed.errors?.length) {
    throw new Error(`a volume screen failed (HTTP ${response.status}): ${parsed.errors?.[0]?.message ?? body.slice(0, 200)}`);
  }
  return { ms, bytes: Buffer.byteLength(body), body };
}

/** Business rows of a tenant across every table of the tenant schema. */
async function countRows(url: string, tenantId: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' AND table_name <> 'number_sequences'`,
    );
    let total = 0;
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}" WHERE tenant_id = $1`, [tenantId]);
      total += Number(rows[0]?.n ?? 0);
    }
    return total;
  });
}

/** The account with the most communications (the grown tenant's key account), and a word from the middle of the account names. */
async function screenTenant(url: string, gatewayUrl: string, tenantId: string, token: string): Promise<Asked> {
  const picked = await withClient(url, async (client) => {
    const key = await client.query<{ id: string }>(
      'SELECT account_id AS id FROM communications WHERE tenant_id = $1 AND account_id IS NOT NULL GROUP BY account_id ORDER BY count(*) DESC LIMIT 1',
      [tenantId],
    );
    const word = await client.query<{ word: string }>(
      `SELECT lower(split_part(name, ' ', 1)) AS word FROM accounts WHERE tenant_id = $1 AND length(split_part(name, ' ', 1)) >= 4
        ORDER BY name OFFSET (SELECT count(*) / 2 FROM accounts WHERE tenant_id = $1) LIMIT 1`,
      [tenantId],
    );
    return { keyAccountId: key.rows[0]?.id ?? '', nameWord: word.rows[0]?.word ?? 'event' };
  });
  const first = JSON.parse((await post(gatewayUrl, token, ACCOUNTS_PAGE, {})).body) as { data: { accounts: { pageInfo: { endCursor: string } } } };
  return { ...picked, token, secondPageCursor: first.data.accounts.pageInfo.endCursor };
}

/** Response times of `requests` sequential requests after five unmeasured ones, and the response size. */
async function sample(url: string, tenant: Asked, query: string, variables: Record<string, unknown>, requests: number): Promise<{ times: number[]; bytes: number }> {
  for (let i = 0; i < 5; i += 1) {
    await post(url, tenant.token, query, variables);
  }
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i += 1) {
    const answer = await post(url, tenant.token, query, variables);
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  return { times, bytes };
}

function figuresOf(samples: { times: number[]; bytes: number }[]): ScreenFigures {
  const sorted = samples.flatMap((part) => part.times).sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), bytes: Math.max(...samples.map((part) => part.bytes)) };
}

/**
 * Builds a control plane and two dedicated tenants, both with the demo seed; grows one with
 * `tenantgate tenants seed` (the command users run, as its own process) to `profile.volume.rows`
 * rows; then asks every screen of {@link VOLUME_SCREENS} of both tenants through one gateway,
 * alternating between them so both see the same machine, and compares the p50s.
 */
export async function runVolumePhase(postgres: BenchPostgres, profile: BenchProfile, log: (message: string) => void): Promise<VolumeResults> {
  await withClient(postgres.adminUrl, async (client) => {
    for (const name of DATABASES) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    }
  });
  const [controlUrl, bigUrl, smallUrl] = DATABASES.map((name) => postgres.urlFor(name)) as [string, string, string];
  await applyMigrations({ databaseUrl: controlUrl, migrationsDir: controlMigrationsDir });
  const keyId = `kvolume${Date.now()}`;
  const encryptionKey = `${keyId}:${randomBytes(32).toString('base64')}`;
  const jwtSecret = randomBytes(48).toString('base64url');
  const keyRing = createKeyRing(parseEncryptionKey(encryptionKey, 'bench key'), []);
  const tokens = new AccessTokens({ secret: Buffer.from(jwtSecret), issuer: 'tenantgate', audience: 'tenantgate-api', ttlSeconds: 6 * 3600 });
  const control = createControlPlane(controlUrl, 2);
  const tenants: { slug: string; url: string; id: string; token: string }[] = [];
  try {
    const user = await upsertUser(control.client, { email: 'volume@tenantgate.test', displayName: 'Volume Owner', passwordHash: 'unused' });
    for (const [slug, url] of [['volume-big', bigUrl], ['volume-small', smallUrl]] as const) {
      const datasource = { name: `${slug}-dedicated`, kind: 'DEDICATED' as const, url, poolMax: 5 };
      const { tenant } = await provisionTenant({ control: control.client, keyRing }, { slug, name: `Volume ${slug}`, datasource });
      await addMember(control.client, { userId: user.id, tenantId: tenant.id, role: 'OWNER' });
      const client = await connectDatasource({ url, poolMax: 2, connectTimeoutMs: 10_000, applicationName: 'bench-volume' });
      try {
        await seedTenantDemoData(client.prisma, { id: tenant.id, slug, name: tenant.name }, [user.id]);
      } finally {
        await client.close();
      }
      const { token } = await tokens.sign({ userId: user.id, tenantId: tenant.id, role: 'OWNER', isPlatformAdmin: false });
      tenants.push({ slug, url, id: tenant.id, token });
    }
  } finally {
    await control.close();
  }
  const [big, small] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
  const serverEnv = { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: controlUrl, TENANTGATE_ENCRYPTION_KEY: encryptionKey, JWT_SECRET: jwtSecret };

  log(`volume: growing ${big.slug} with tenants seed --rows ${profile.volume.rows}`);
  const seedStarted = performance.now();
  await run(process.execPath, [join(projectRoot, 'dist', 'scripts', 'tenantgate.js'), 'tenants', 'seed', big.slug, '--rows', String(profile.volume.rows), '--json'], {
    env: { ...process.env, ...serverEnv },
    maxBuffer: 16 * 1024 * 1024,
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  for (const { url } of tenants) {
    await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
  }
  const [bigRows, smallRows] = [await countRows(big.url, big.id), await countRows(small.url, small.id)];
  log(`volume: ${bigRows.toLocaleString('en-US')} rows against ${smallRows.toLocaleString('en-US')} (seeded in ${seedSeconds.toFixed(1)} s)`);

  const gateway = await startServer('gateway', serverEnv);
  try {
    const asked = { big: await screenTenant(big.url, gateway.url, big.id, big.token), small: await screenTenant(small.url, gateway.url, small.id, small.token) };
    const screens: ScreenComparison[] = [];
    for (const screen of VOLUME_SCREENS) {
      const samples = { big: [] as { times: number[]; bytes: number }[], small: [] as { times: number[]; bytes: number }[] };
      // Two halves each, alternating, so neither tenant gets the quieter half of the machine.
      for (const side of ['small', 'big', 'small', 'big'] as const) {
        samples[side].push(await sample(gateway.url, asked[side], screen.query, screen.variables(asked[side]), Math.ceil(profile.volume.requests / 2)));
      }
      const comparison = { screen: screen.name, big: figuresOf(samples.big), small: figuresOf(samples.small), p50Ratio: 0 };
      comparison.p50Ratio = round(comparison.big.p50Ms / Math.max(comparison.small.p50Ms, 0.01));
      screens.push(comparison);
      log(`  ${screen.name.padEnd(50)} big p50 ${comparison.big.p50Ms} ms p95 ${comparison.big.p95Ms} ms ${comparison.big.bytes} B | small p50 ${comparison.small.p50Ms} ms | ×${comparison.p50Ratio}`);
    }
    return {
      bigRows,
      seedSeconds: round(seedSeconds),
      seedRowsPerSecond: Math.round((bigRows - smallRows) / seedSeconds),
      smallRows,
      requestsPerScreen: profile.volume.requests,
      screens,
      worstP50Ratio: Math.max(...screens.map((screen) => screen.p50Ratio)),
      maxBytes: Math.max(...screens.map((screen) => screen.big.bytes)),
    };
  } finally {
    await gateway.stop();
  }
}
