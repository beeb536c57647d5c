import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { createKeyRing, generateEncryptionKey, type KeyRing } from '../../src/crypto/key-ring.js';
import { diagnoseTenant } from '../../src/ops/doctor/doctor.js';
import { DOCTOR_STEPS } from '../../src/ops/doctor/doctor-report.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { registerDatasource } from '../../src/ops/provisioning/datasource-registration.js';
import { provisionTenant } from '../../src/ops/provisioning/tenant-provisioning.js';
import { controlMigrationsDir, tenantMigrationsDir } from '../../src/paths.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const keyRing = createKeyRing(generateEncryptionKey('doctor-key'), []);
const databases: TestDatabase[] = [];
let controlPlane: ControlPlane;
let firstMigrationOnly: string;
const control = () => controlPlane.client;
const diagnose = (slug: string, ring: KeyRing = keyRing) => diagnoseTenant({ control: control(), keyRing: ring, timeoutMs: 2_000 }, slug);

/** A tenant row whose datasource is sealed with `ring`, pointing at `url` (which may be wrong on purpose). */
async function brokenTenant(slug: string, url: string, ring: KeyRing = keyRing): Promise<void> {
  const datasource = await registerDatasource(control(), ring, { name: `${slug}-db`, kind: 'DEDICATED', url });
  await control().tenant.create({ data: { slug, name: slug, datasourceId: datasource.id } });
}

function withPassword(url: string, password: string): string {
  const next = new URL(url);
  next.password = password;
  return next.toString();
}

/**
 * Everything a report shows, checked for the secrets it must never hold. The test server's own
 * password is the common word "tenantgate", so that one is checked in its URL form only.
 */
function expectNoSecrets(report: unknown, url: string): void {
  const text = JSON.stringify(report);
  const { username, password } = new URL(url);
  expect(text).not.toContain(url);
  expect(text).not.toContain(`${username}:${password}@`);
  if (password !== 'tenantgate') {
    expect(text).not.toContain(password);
  }
}

beforeAll(async () => {
  const controlDb = await createTestDatabase('doctor_control');
  databases.push(controlDb);
  await applyMigrations({ databaseUrl: controlDb.url, migrationsDir: controlMigrationsDir });
  controlPlane = createControlPlane(controlDb.url, 3);
  firstMigrationOnly = mkdtempSync(join(tmpdir(), 'tg-doctor-migrations-'));
  const first = readdirSync(tenantMigrationsDir).filter((name) => /^\d/.test(name)).sort()[0] ?? '';
  cpSync(join(tenantMigrationsDir, first), join(firstMigrationOnly, first), { recursive: true });
});

afterAll(async () => {
  await controlPlane?.close();
  rmSync(firstMigrationOnly, { recursive: true, force: true });
  await Promise.all(databases.map((db) => db.drop()));
});

test('a healthy tenant passes every step, each with its latency', async () => {
  const db = await createTestDatabase('doctor_ok');
  databases.push(db);
  await provisionTenant({ control: control(), keyRing }, { slug: 'healthy', name: 'Healthy', datasource: { name: 'healthy-db', kind: 'DEDICATED', url: db.url } });
  const report = await diagnose('healthy');
  expect(report).toMatchObject({ ok: true, failedStep: null });
  expect(report.steps.map((step) => [step.name, step.status])).toEqual(DOCTOR_STEPS.map((name) => [name, 'ok']));
  expect(report.steps.every((step) => step.ms >= 0 && step.hint === null)).toBe(true);
  expect(report.steps.find((step) => step.name === 'pool')?.detail).toMatch(/connection\(s\) to this database/);
  expectNoSecrets(report, db.url);
});

test('an unknown tenant fails the lookup', async () => {
  const report = await diagnose('nobody-here');
  expect(report.failedStep).toBe('lookup');
  expect(report.steps.slice(1).every((step) => step.status === 'skipped')).toBe(true);
});

test('a wrong key fails decryption, with a hint naming the key to configure', async () => {
  const db = await createTestDatabase('doctor_key');
  databases.push(db);
  await brokenTenant('sealed-elsewhere', db.url, createKeyRing(generateEncryptionKey('lost-key'), []));
  const unknown = await diagnose('sealed-elsewhere');
  expect(unknown.failedStep).toBe('decrypt');
  expect(unknown.steps[1]?.hint).toContain('TENANTGATE_ENCRYPTION_KEYS_PREVIOUS');
  expect(unknown.steps[1]?.hint).toContain('lost-key');
  const impostor = createKeyRing(generateEncryptionKey('lost-key'), []);
  const wrongMaterial = await diagnose('sealed-elsewhere', impostor);
  expect(wrongMaterial.failedStep).toBe('decrypt');
  expect(wrongMaterial.steps[1]?.detail).toMatch(/authentication failed/);
  expectNoSecrets(wrongMaterial, db.url);
});

test('an unreachable host fails the network step: refused port, and a name that does not resolve', async () => {
  await brokenTenant('refused', 'postgresql://app:pw-refused@127.0.0.1:1/tenant');
  const refused = await diagnose('refused');
  expect(refused.failedStep).toBe('network');
  expect(refused.steps[2]).toMatchObject({ detail: expect.stringContaining('ECONNREFUSED'), hint: expect.stringContaining('nothing listens on 127.0.0.1:1') });
  await brokenTenant('unresolvable', 'postgresql://app:pw-dns@no-such-host.invalid:5432/tenant');
  const dns = await diagnose('unresolvable');
  expect(dns.failedStep).toBe('network');
  expect(dns.steps[2]?.detail).toContain('does not resolve');
  expectNoSecrets(dns, 'postgresql://app:pw-dns@no-such-host.invalid:5432/tenant');
});

test('a wrong password fails authentication, without showing the password', async () => {
  const db = await createTestDatabase('doctor_password');
  databases.push(db);
  const url = withPassword(db.url, 'definitely-wrong');
  await brokenTenant('bad-password', url);
  const report = await diagnose('bad-password');
  expect(report.failedStep).toBe('authentication');
  expect(report.steps[3]).toMatchObject({ detail: expect.stringContaining('28P01'), hint: expect.stringContaining('password') });
  expect(report.steps.slice(0, 3).map((step) => step.status)).toEqual(['ok', 'ok', 'ok']);
  expectNoSecrets(report, url);
});

test('an outdated schema fails the schema step and says to migrate', async () => {
  const db = await createTestDatabase('doctor_schema');
  databases.push(db);
  await provisionTenant(
    { control: control(), keyRing, migrationsDir: firstMigrationOnly },
    { slug: 'behind', name: 'Behind', datasource: { name: 'behind-db', kind: 'DEDICATED', url: db.url } },
  );
  const report = await diagnose('behind');
  expect(report.failedStep).toBe('schema');
  expect(report.steps[4]).toMatchObject({ detail: expect.stringContaining('pending'), hint: expect.stringContaining('tenantgate migrate') });
  expect(report.steps[5]?.status).toBe('skipped');
});
