import { createKeyRing, generateEncryptionKey } from '../../src/crypto/key-ring.js';
import { envelopeKeyId, open, seal } from '../../src/crypto/secret-box.js';
import { encryptDatasourceUrl } from '../../src/ops/keys/datasource-envelope.js';
import { rotateKeys } from '../../src/ops/keys/key-rotation.js';
import { readKeyStatus } from '../../src/ops/keys/key-status.js';
import { registerDatasource } from '../../src/ops/provisioning/datasource-registration.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

const oldKey = generateEncryptionKey('old-key');
const newKey = generateEncryptionKey('new-key');
const gatewayRing = createKeyRing(newKey, [oldKey]);
const EXTRA_DATASOURCES = 20;
let fleet: TestFleet;
let tokens: string[];

const control = () => fleet.app.control.client;

/** Puts every stored secret back under the old key, as it was before the operator added the new one. */
async function sealEverythingUnderOldKey(): Promise<void> {
  for (const row of await control().datasource.findMany()) {
    const url = open(gatewayRing, row.encryptedUrl, row.id);
    await control().datasource.update({ where: { id: row.id }, data: { encryptedUrl: seal(oldKey, url, row.id), keyId: oldKey.id } });
  }
  fleet.app.registry.clear();
  for (const tenant of Object.values(fleet.tenants)) {
    fleet.app.pool.evictDatasource(tenant.datasourceId);
  }
}

beforeAll(async () => {
  fleet = await startTestFleet({ keyRing: gatewayRing });
  const oldRing = createKeyRing(oldKey, []);
  for (let i = 0; i < EXTRA_DATASOURCES; i += 1) {
    await registerDatasource(control(), oldRing, { name: `spare-${i}`, kind: 'POOLED', url: `postgresql://spare:pw${i}@db-${i}.internal:5432/spare` });
  }
  tokens = await Promise.all(
    (['acme', 'globex', 'initech', 'umbrella'] as const).map(async (slug) => (await fleet.login(`owner@${slug}.test`, slug)).accessToken),
  );
});
afterAll(async () => {
  await fleet?.close();
});

test('rotation while requests are served: no request fails, and every secret ends under the new key', async () => {
  await sealEverythingUnderOldKey();
  const versions = await control().datasource.findMany({ select: { id: true, credentialVersion: true }, orderBy: { id: 'asc' } });
  let rotating = true;
  const failures: string[] = [];
  let served = 0;
  let servedWaiter: { atLeast: number; resolve: () => void } | undefined;
  /** Resolves once `count` more requests have been answered, so every batch overlaps live traffic. */
  const moreServed = (count: number) =>
    new Promise<void>((resolve) => {
      servedWaiter = { atLeast: served + count, resolve };
    });
  const traffic = async (token: string) => {
    while (rotating) {
      const result = await fleet.gql<{ accounts: { totalCount: number } }>('{ accounts { totalCount } }', { token });
      if (result.errors.length > 0) {
        failures.push(JSON.stringify(result.errors));
      }
      served += 1;
      if (servedWaiter && served >= servedWaiter.atLeast) {
        servedWaiter.resolve();
        servedWaiter = undefined;
      }
    }
  };
  const clients = tokens.map((token) => traffic(token));
  const result = await rotateKeys({
    control: control(),
    keyRing: gatewayRing,
    batchSize: 5,
    onBatch: () => {
      // Cached routes expire and clients are rebuilt mid-rotation, from old and new envelopes alike.
      fleet.app.registry.clear();
      for (const tenant of Object.values(fleet.tenants)) {
        fleet.app.pool.evictDatasource(tenant.datasourceId);
      }
      return moreServed(tokens.length);
    },
  });
  rotating = false;
  await Promise.all(clients);

  expect(failures).toEqual([]);
  // Five batches of five, each followed by a round of requests on rebuilt clients.
  expect(served).toBeGreaterThanOrEqual(5 * tokens.length);
  expect(result).toMatchObject({ rotated: EXTRA_DATASOURCES + 3, total: EXTRA_DATASOURCES + 3, failed: [], raced: 0, interrupted: false });
  for (const row of await control().datasource.findMany()) {
    expect({ column: row.keyId, envelope: envelopeKeyId(row.encryptedUrl) }).toEqual({ column: newKey.id, envelope: newKey.id });
  }
  expect(await control().datasource.findMany({ select: { id: true, credentialVersion: true }, orderBy: { id: 'asc' } })).toEqual(versions);
  const status = await readKeyStatus(control(), gatewayRing);
  expect(status).toMatchObject({ activeKeyId: newKey.id, pending: 0, droppable: [oldKey.id], mismatched: [] });
  expect(status.keys).toEqual([
    { keyId: newKey.id, secrets: EXTRA_DATASOURCES + 3, active: true, configured: true },
    { keyId: oldKey.id, secrets: 0, active: false, configured: true },
  ]);
  // With the old key gone, every secret still opens.
  const newOnly = createKeyRing(newKey, []);
  for (const row of await control().datasource.findMany()) {
    expect(open(newOnly, row.encryptedUrl, row.id)).toMatch(/^postgres/);
  }
  expect((await rotateKeys({ control: control(), keyRing: gatewayRing })).rotated).toBe(0);
});

test('re-encryption keeps the connected clients: same URL and credential version, so nothing is rebuilt', async () => {
  await sealEverythingUnderOldKey();
  for (const token of tokens) {
    expect((await fleet.gql('{ accounts { totalCount } }', { token })).errors).toEqual([]);
  }
  const builds = fleet.app.pool.stats().builds;
  await rotateKeys({ control: control(), keyRing: gatewayRing });
  fleet.app.registry.clear();
  for (const token of tokens) {
    expect((await fleet.gql('{ accounts { totalCount } }', { token })).errors).toEqual([]);
  }
  expect(fleet.app.pool.stats().builds).toBe(builds);
});

test('an interrupted rotation resumes where it stopped, and a secret whose key is missing is reported, not lost', async () => {
  await sealEverythingUnderOldKey();
  const stray = generateEncryptionKey('stray-key');
  const strayRow = await registerDatasource(control(), createKeyRing(stray, []), { name: 'stray', kind: 'POOLED', url: 'postgresql://s:pw@stray/x' });
  let batches = 0;
  const first = await rotateKeys({ control: control(), keyRing: gatewayRing, batchSize: 4, onBatch: () => void (batches += 1), shouldStop: () => batches >= 2 });
  // Two batches of four: the stray row (random id) may be among them, and then fails there.
  expect(first.interrupted).toBe(true);
  expect(first.rotated + first.failed.length).toBe(8);
  expect((await readKeyStatus(control(), gatewayRing)).pending).toBe(first.total - first.rotated);
  const second = await rotateKeys({ control: control(), keyRing: gatewayRing, batchSize: 4 });
  expect(second).toMatchObject({ interrupted: false, rotated: first.total - first.rotated - 1 });
  expect(second.failed).toEqual([{ datasource: 'stray', keyId: 'stray-key', reason: expect.stringContaining('not configured') }]);
  const status = await readKeyStatus(control(), gatewayRing);
  expect(status.keys).toContainEqual({ keyId: 'stray-key', secrets: 1, active: false, configured: false });
  expect(status.droppable).toEqual([oldKey.id]);
  await control().datasource.delete({ where: { id: strayRow.id } });
});

test('datasource encrypt seals a URL for one datasource id only', () => {
  const url = 'postgresql://app:s3cret@db.internal:5432/tenant_x';
  const sealed = encryptDatasourceUrl(gatewayRing, url);
  expect(sealed.keyId).toBe(newKey.id);
  expect(sealed.envelope).not.toContain('s3cret');
  expect(open(gatewayRing, sealed.envelope, sealed.datasourceId)).toBe(url);
  expect(() => open(gatewayRing, sealed.envelope, '00000000-0000-4000-8000-000000000000')).toThrow(/authentication failed/);
  expect(() => encryptDatasourceUrl(gatewayRing, 'mysql://x')).toThrow(/postgresql/);
});
