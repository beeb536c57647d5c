import { randomBytes } from 'node:crypto';
import { createApp, type App } from '../../src/app.js';
import { postGraphQL } from '../support/graphql-client.js';
import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
const rotatedApps: App[] = [];
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await Promise.all(rotatedApps.map((app) => app.close()));
  await fleet?.close();
});

/** A replica rolled out with a new signing key, the old one accepted until `acceptUntil`. */
async function rotatedReplica(acceptUntil: Date): Promise<App> {
  const app = await createApp({
    ...fleet.config,
    auth: { ...fleet.config.auth, jwtSecret: randomBytes(32), previousJwtSecret: { secret: fleet.config.auth.jwtSecret, acceptUntil } },
  });
  rotatedApps.push(app);
  return app;
}

test('after a key rotation, old tokens work during the grace period, then get 401 and a refresh recovers the session', async () => {
  const { accessToken, refreshToken } = await fleet.login('owner@acme.test', 'acme');
  // Long enough for the replica to start and answer once even on a loaded machine.
  const acceptUntil = new Date(Date.now() + 8000);
  const replica = await rotatedReplica(acceptUntil);
  const during = await postGraphQL<{ me: { role: string } }>(replica.url, '{ me { role } }', { token: accessToken });
  expect(during.errors).toEqual([]);
  expect(during.data?.me.role).toBe('OWNER');

  await new Promise((resolve) => setTimeout(resolve, acceptUntil.getTime() - Date.now() + 100));
  const after = await postGraphQL(replica.url, '{ me { role } }', { token: accessToken });
  expect(after.status).toBe(401);
  expect(after.errors[0]).toMatchObject({ message: 'access token was signed with a retired key; call refresh', extensions: { code: 'UNAUTHENTICATED' } });

  const refreshed = await postGraphQL<{ refresh: { accessToken: string } }>(replica.url, 'mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }', {
    variables: { t: refreshToken },
  });
  expect(refreshed.errors).toEqual([]);
  const again = await postGraphQL(replica.url, '{ me { role } }', { token: refreshed.data?.refresh.accessToken });
  expect(again.errors).toEqual([]);
  // A token of the new key means nothing to a replica still on the old one: roll out every replica.
  const old = await postGraphQL(fleet.app.url, '{ me { role } }', { token: refreshed.data?.refresh.accessToken });
  expect(old.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
