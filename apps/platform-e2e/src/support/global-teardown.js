/** Stops the platform global setup started and drops its database. */
export default async function globalTeardown() {
  await globalThis.__E2E_PLATFORM__?.stopAll();
}
