import { randomUUID } from 'node:crypto';
import { createControlPlane, type ControlPlane } from '../../src/control/control-client.js';
import { applyMigrations } from '../../src/ops/migrations/migrator.js';
import { controlMigrationsDir } from '../../src/paths.js';
import { DatasourceRegistry } from '../../src/tenancy/datasource-registry.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

let database: TestDatabase;
let control: ControlPlane;
let tenantId: string;
let datasourceId: string;

beforeAll(async () => {
  database = await createTestDatabase('registry');
  await applyMigrations({ databaseUrl: database.url, migrationsDir: controlMigrationsDir });
  control = createControlPlane(database.url, 3);
  const datasource = await control.client.datasource.create({
    data: { name: 'ds', kind: 'POOLED', encryptedUrl: 'tg1.sealed', keyId: 'k' },
  });
  datasourceId = datasource.id;
  tenantId = (await control.client.tenant.create({ data: { slug: 'reg', name: 'Registry', datasourceId } })).id;
});
afterAll(async () => {
  await control?.close();
  await database?.drop();
});

function registry(ttlMs = 1000) {
  const clock = { now: 0 };
  return { clock, registry: new DatasourceRegistry({ control: control.client, ttlMs, now: () => clock.now }) };
}

test('concurrent lookups of one tenant share one control-plane query, and the answer is cached for the TTL', async () => {
  const { clock, registry: reg } = registry();
  const routes = await Promise.all(Array.from({ length: 20 }, () => reg.resolve(tenantId)));
  expect(new Set(routes.map((route) => route.datasource.id))).toEqual(new Set([datasourceId]));
  expect(reg.lookups).toBe(1);
  clock.now = 999;
  await reg.resolve(tenantId);
  expect(reg.lookups).toBe(1);
  clock.now = 1000;
  await reg.resolve(tenantId);
  expect(reg.lookups).toBe(2);
});

test('invalidating the tenant or its datasource forces a fresh lookup that sees the change', async () => {
  const { registry: reg } = registry(60_000);
  expect((await reg.resolve(tenantId)).status).toBe('ACTIVE');
  await control.client.tenant.update({ where: { id: tenantId }, data: { status: 'READ_ONLY' } });
  expect((await reg.resolve(tenantId)).status).toBe('ACTIVE');
  reg.invalidateTenant(tenantId);
  expect((await reg.resolve(tenantId)).status).toBe('READ_ONLY');
  await control.client.datasource.update({ where: { id: datasourceId }, data: { credentialVersion: 2 } });
  reg.invalidateDatasource(randomUUID());
  expect((await reg.resolve(tenantId)).datasource.credentialVersion).toBe(1);
  reg.invalidateDatasource(datasourceId);
  expect((await reg.resolve(tenantId)).datasource.credentialVersion).toBe(2);
  await control.client.tenant.update({ where: { id: tenantId }, data: { status: 'ACTIVE' } });
});

test('an unknown tenant is TENANT_UNAVAILABLE and is not cached', async () => {
  const { registry: reg } = registry(60_000);
  const missing = randomUUID();
  await expect(reg.resolve(missing)).rejects.toMatchObject({ code: 'TENANT_UNAVAILABLE' });
  await expect(reg.resolve(missing)).rejects.toMatchObject({ code: 'TENANT_UNAVAILABLE' });
  expect(reg.lookups).toBe(2);
});

test('while the cache is not trusted (no change listener), settled routes are read again but a lookup in flight is shared', async () => {
  let trusted = false;
  const reg = new DatasourceRegistry({ control: control.client, ttlMs: 60_000, trustCache: () => trusted });
  await Promise.all(Array.from({ length: 5 }, () => reg.resolve(tenantId)));
  expect(reg.lookups).toBe(1);
  await reg.resolve(tenantId);
  await reg.resolve(tenantId);
  expect(reg.lookups).toBe(3);
  trusted = true;
  await reg.resolve(tenantId);
  expect(reg.lookups).toBe(3);
});
