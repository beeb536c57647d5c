/** Stops the embedded PostgreSQL started by global-setup.mjs (its data directory is removed). */
export default async function globalTeardown() {
  await globalThis.__TENANTGATE_TEST_PG__?.stop();
}
