import { randomBytes } from 'node:crypto';
import { createLogger } from '../../src/logging/logger.js';
import { encryptDatasourceUrl } from '../../src/ops/keys/datasource-envelope.js';
import { addMember } from '../../src/ops/provisioning/members.js';
import { postGraphQL } from '../support/graphql-client.js';
import { startTestFleet, TEST_PASSWORD, type TestFleet } from '../support/test-fleet.js';

// Every line the gateway logs during a run full of secrets, at the most verbose level.
const lines: string[] = [];
let fleet: TestFleet;
const secrets = new Map<string, string>();
const remember = (what: string, value: string) => {
  secrets.set(what, value);
  return value;
};

beforeAll(async () => {
  fleet = await startTestFleet({
    logger: createLogger('trace', { write: (line: string) => void lines.push(line) }),
    limits: { failuresPerAccount: 2, perUserPerWindow: 50 },
  });
});
afterAll(async () => {
  await fleet?.close();
});

test('no log line of a run with logins, tokens, a broken datasource, admin diagnosis and refusals holds any secret it used', async () => {
  remember('the users\' password', TEST_PASSWORD);
  const wrong = remember('a wrong password', `guess-${randomBytes(8).toString('hex')}`);
  const owner = await fleet.login('owner@acme.test', 'acme');
  remember('an access token', owner.accessToken);
  remember('a refresh token', owner.refreshToken);
  const control = fleet.app.control.client;
  const adminUser = await control.user.findUniqueOrThrow({ where: { email: 'admin@tenantgate.test' } });
  await addMember(control, { userId: adminUser.id, tenantId: fleet.tenants.acme.id, role: 'VIEWER' });
  const admin = await fleet.login('admin@tenantgate.test', 'acme');
  remember('an admin access token', admin.accessToken);
  remember('the JWT secret (hex)', Buffer.from(fleet.config.auth.jwtSecret).toString('hex'));
  remember('the JWT secret (base64)', Buffer.from(fleet.config.auth.jwtSecret).toString('base64'));
  remember('the encryption key (base64)', fleet.config.keyRing.active.key.toString('base64'));
  remember('the encryption key (hex)', fleet.config.keyRing.active.key.toString('hex'));

  // Ordinary traffic, a refresh, failed logins up to the throttle, a request with a bad token.
  expect((await fleet.gql('{ accounts { totalCount } }', { token: owner.accessToken })).errors).toEqual([]);
  await fleet.gql('mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }', { variables: { t: owner.refreshToken } });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await fleet.gql('mutation($p: String!) { login(email: "owner@globex.test", password: $p, tenantSlug: "globex") { accessToken } }', { variables: { p: wrong } });
  }
  await fleet.gql('{ me { role } }', { token: `${owner.accessToken.slice(0, -4)}AAAA` });

  // globex's datasource now points at a user and password the server refuses.
  const url = new URL(fleet.tenants.globex.url);
  url.username = 'ghost';
  url.password = remember('a datasource password', `ds-${randomBytes(12).toString('hex')}`);
  remember('a datasource URL', url.toString());
  const { envelope, keyId } = encryptDatasourceUrl(fleet.config.keyRing, url.toString(), fleet.tenants.globex.datasourceId);
  remember('a sealed datasource URL', envelope);
  await control.datasource.update({ where: { id: fleet.tenants.globex.datasourceId }, data: { encryptedUrl: envelope, keyId, credentialVersion: { increment: 1 } } });
  fleet.app.registry.invalidateDatasource(fleet.tenants.globex.datasourceId);
  const globex = await fleet.login('viewer@globex.test', 'globex');
  const broken = await postGraphQL(fleet.app.url, '{ accounts { totalCount } }', { token: globex.accessToken });
  expect(broken.errors[0]?.extensions?.code).toBe('TENANT_UNAVAILABLE');
  const diagnosis = await postGraphQL<{ tenantConnection: { ok: boolean } }>(
    fleet.app.url,
    `{ tenantConnection(tenantId: "${fleet.tenants.globex.id}") { ok failedStep steps { name status detail hint } } }`,
    { token: admin.accessToken },
  );
  expect(diagnosis.data?.tenantConnection.ok).toBe(false);
  // The responses that described the broken datasource did not repeat its secrets either.
  for (const response of [broken.raw, diagnosis.raw]) {
    expect([...secrets.values()].filter((value) => response.includes(value))).toEqual([]);
  }

  // The run was logged: a line per request (with the tenant and user ids) and the datasource failure.
  expect(lines.filter((line) => line.includes('"msg":"graphql request"')).length).toBeGreaterThan(8);
  expect(lines.some((line) => line.includes(`"userId":"`) && line.includes(`"tenantId":"${fleet.tenants.acme.id}"`))).toBe(true);
  expect(lines.some((line) => line.includes('"level":50') && line.includes(fleet.tenants.globex.datasourceId))).toBe(true);
  const leaks = [...secrets].flatMap(([what, value]) => lines.filter((line) => line.includes(value)).map((line) => `${what}: ${line.slice(0, 200)}`));
  expect(leaks).toEqual([]);
});
