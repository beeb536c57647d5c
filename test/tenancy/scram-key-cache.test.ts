import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { installScramKeyCache } from '../../src/tenancy/scram-key-cache.js';
import { adminQuery, databaseUrl } from '../support/databases.js';

const role = `scram_${randomBytes(4).toString('hex')}`;
const urlWith = (password: string) => {
  const url = new URL(databaseUrl('postgres'));
  url.username = role;
  url.password = password;
  return url.toString();
};

async function login(password: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlWith(password) });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await adminQuery(`SET password_encryption = 'scram-sha-256'; CREATE ROLE ${role} LOGIN PASSWORD 'first-password'`);
});
afterAll(async () => {
  await adminQuery(`DROP ROLE IF EXISTS ${role}`);
});

test('a role logging in again reuses its derived SCRAM key, and a changed or wrong password is never helped by it', async () => {
  const cache = installScramKeyCache();
  expect(installScramKeyCache()).toBe(cache);
  /** What `steps` made the cache do. */
  const counted = async (steps: () => Promise<void>) => {
    const before = { derivations: cache.derivations, hits: cache.hits };
    await steps();
    return { derivations: cache.derivations - before.derivations, hits: cache.hits - before.hits };
  };

  // The test server authenticates with scram-sha-256 (the embedded one always does).
  expect(await counted(() => login('first-password'))).toEqual({ derivations: 1, hits: 0 });
  expect(await counted(async () => {
    await login('first-password');
    await login('first-password');
  })).toEqual({ derivations: 0, hits: 2 });

  expect(await counted(() => expect(login('wrong-password')).rejects.toMatchObject({ code: '28P01' }))).toEqual({ derivations: 1, hits: 0 });

  await adminQuery(`ALTER ROLE ${role} PASSWORD 'second-password'`);
  // A new password has a new salt: the old password's key is not reused, and the server refuses it.
  expect(await counted(() => expect(login('first-password')).rejects.toMatchObject({ code: '28P01' }))).toEqual({ derivations: 1, hits: 0 });
  expect(await counted(async () => {
    await login('second-password');
    await login('second-password');
  })).toEqual({ derivations: 1, hits: 1 });
});
