/** Stops the embedded PostgreSQL started by global-setup (its data directory is removed). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__TENANTGATE_TEST_PG__?.stop();
}
