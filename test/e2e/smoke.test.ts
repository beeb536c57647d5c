import { startTestFleet, type TestFleet } from '../support/test-fleet.js';

let fleet: TestFleet;
beforeAll(async () => {
  fleet = await startTestFleet();
});
afterAll(async () => {
  await fleet?.close();
});

test('an owner logs in and lists the accounts of their tenant', async () => {
  const { accessToken } = await fleet.login('owner@acme.test', 'acme');
  const result = await fleet.gql<{ accounts: { totalCount: number } }>('{ accounts { totalCount } }', { token: accessToken });
  expect(result.errors).toEqual([]);
  expect(result.data?.accounts.totalCount).toBe(0);
});
